//! `annalist-train`: derives the data that annalist ships from the open sources under
//! `shared/data/`.
//!
//! * `annalist-train gazetteer [--shared ../shared] [--out crates/nlp/data]`: the gazetteer and
//!   actor tables `annalist-nlp` embeds (see `annalist_eval::gazetteer_build`).
//! * `annalist-train ner [--shared ../shared] [--out crates/nlp/data/ner.model.gz]`: the entity
//!   tagger's weights, from GMB's first nine tenths with the gazetteer's features (see
//!   `annalist_eval::ner`). Run it after `gazetteer`: the tagger learns from those tables.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};

use annalist_eval::gazetteer_build;

#[derive(Parser, Debug)]
#[command(
    name = "annalist-train",
    version,
    about = "Derives annalist's shipped data from the open sources"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Countries, cities, regions, actors and agents tables for annalist-nlp.
    Gazetteer(GazetteerArgs),
    /// The entity tagger's weights, trained on GMB's first nine tenths.
    Ner(NerArgs),
    /// The events stage's verb-or-noun classifier, trained on GUM's part-of-speech tags.
    Pos(PosArgs),
}

#[derive(Args, Debug)]
struct PosArgs {
    /// The shared folder (holding `data/ner/gum/`).
    #[arg(long, value_name = "DIR", default_value = "../shared")]
    shared: PathBuf,
    /// Where the model is written.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "crates/events/data/pos.model.gz"
    )]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 6)]
    epochs: usize,
}

#[derive(Args, Debug)]
struct NerArgs {
    /// The shared folder (holding `data/ner/`).
    #[arg(long, value_name = "DIR", default_value = "../shared")]
    shared: PathBuf,
    /// Where the model is written.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "crates/nlp/data/ner.model.gz"
    )]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 8)]
    epochs: usize,
}

#[derive(Args, Debug)]
struct GazetteerArgs {
    /// The shared folder (holding `data/geo/` and `data/events/`).
    #[arg(long, value_name = "DIR", default_value = "../shared")]
    shared: PathBuf,
    /// Where the tables are written.
    #[arg(long, value_name = "DIR", default_value = "crates/nlp/data")]
    out: PathBuf,
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Gazetteer(args) => run_gazetteer(&args),
        Command::Ner(args) => run_ner(&args),
        Command::Pos(args) => run_pos(&args),
    };
    if let Err(err) = result {
        eprintln!("annalist-train: error: {err:#}");
        std::process::exit(1);
    }
}

fn run_pos(args: &PosArgs) -> Result<()> {
    let start = Instant::now();
    let dir = args.shared.join("data/ner/gum");
    let (train, dev) = annalist_eval::pos::load_gum(&dir)?;
    let model = annalist_events::pos::PosModel::train(&train, args.epochs);
    let (right, all) = annalist_eval::pos::accuracy(&model, &dev);
    let mut bytes = Vec::new();
    model.write(&mut bytes)?;
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "{} training sentences, {} features; GUM dev verb/noun/other accuracy {:.3} ({right} of {all}); \
         wrote {} ({} bytes) in {:.1} s",
        train.len(),
        model.len(),
        right as f64 / all.max(1) as f64,
        args.out.display(),
        bytes.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

fn run_gazetteer(args: &GazetteerArgs) -> Result<()> {
    let start = Instant::now();
    let report = gazetteer_build::build(&args.shared, &args.out)?;
    for w in &report.written {
        println!("{:<24} {:>7} rows {:>10} bytes", w.file, w.rows, w.bytes);
    }
    let total: usize = report.written.iter().map(|w| w.bytes).sum();
    println!("{:<24} {:>7}      {:>10} bytes", "total", "", total);
    for (reason, (n, examples)) in &report.dropped {
        println!("dropped {n:>6}: {reason} (e.g. {})", examples.join("; "));
    }
    for w in &report.warnings {
        println!("check: {w}");
    }
    println!(
        "written to {} in {:.1?}",
        args.out.display(),
        start.elapsed()
    );
    Ok(())
}

fn run_ner(args: &NerArgs) -> Result<()> {
    let settings = annalist_nlp::ner::train::Settings {
        epochs: args.epochs,
        ..Default::default()
    };
    // The gazetteer the tagger sees at run time gives its features in training too.
    let gazetteer = annalist_nlp::gazetteer::Gazetteer::load();
    let summary =
        annalist_eval::ner::train_gmb(&gazetteer, &args.shared.join("data"), &args.out, &settings)?;
    println!("{summary}");
    Ok(())
}
