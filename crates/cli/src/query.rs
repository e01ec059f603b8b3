//! `annalist query`: the store's events by filter, as a table, JSON lines or CSV.

use std::io::{self, BufWriter, IsTerminal, Write};

use annalist_store::{EventActorRow, EventRow, Filter, SeriesDay, Store};

use crate::args::{QueryArgs, QueryOutput};

/// Runs `annalist query`.
pub fn run(args: &QueryArgs) -> anyhow::Result<()> {
    let store = Store::open_read_only(&args.db)?;
    let filter = Filter::from(&args.filter);
    let stdout = io::stdout();
    let output = args.output.unwrap_or(if stdout.is_terminal() {
        QueryOutput::Table
    } else {
        QueryOutput::Jsonl
    });
    let mut out = BufWriter::new(stdout.lock());
    if args.per_day {
        let days = store.series(&filter)?;
        write_series(&days, output, &mut out)?;
    } else {
        let page = store.events(&filter, args.limit, args.offset)?;
        write_events(&page.items, output, &mut out)?;
        if output == QueryOutput::Table {
            let shown = page.items.len();
            writeln!(
                out,
                "{shown} of {} events{}",
                page.total,
                if (shown as u64) < page.total {
                    " (--limit and --offset page through the rest)"
                } else {
                    ""
                }
            )?;
        }
    }
    out.flush()?;
    Ok(())
}

/// `CHNGOV (Li Shangfu)`, or whichever of the two is known.
fn side(a: &EventActorRow) -> String {
    match (&a.actor, &a.name) {
        (Some(code), Some(name)) => format!("{code} ({name})"),
        (Some(code), None) => code.clone(),
        (None, Some(name)) => name.clone(),
        (None, None) => "-".into(),
    }
}

/// A CSV field, quoted when it must be.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Cuts `s` to at most `width` chars, marking the cut.
fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut cut: String = s.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

fn write_events(events: &[EventRow], output: QueryOutput, out: &mut dyn Write) -> io::Result<()> {
    match output {
        QueryOutput::Jsonl => {
            for e in events {
                serde_json::to_writer(&mut *out, e)?;
                out.write_all(b"\n")?;
            }
        }
        QueryOutput::Csv => {
            writeln!(
                out,
                "id,day,date,code,label,quad,goldstein,source_actor,source_name,target_actor,\
                 target_name,modality,place,num_mentions,num_articles,num_sources,evidence"
            )?;
            for e in events {
                let text = |s: &Option<String>| csv_field(s.as_deref().unwrap_or(""));
                writeln!(
                    out,
                    "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                    e.id,
                    text(&e.day),
                    text(&e.date),
                    csv_field(&e.code),
                    csv_field(&e.label),
                    e.quad,
                    e.goldstein,
                    text(&e.source.actor),
                    text(&e.source.name),
                    text(&e.target.actor),
                    text(&e.target.name),
                    e.modality,
                    csv_field(e.place.as_ref().map_or("", |p| p.name.as_str())),
                    e.num_mentions,
                    e.num_articles,
                    e.num_sources,
                    csv_field(e.mentions.first().map_or("", |m| m.sentence.as_str())),
                )?;
            }
        }
        QueryOutput::Table => {
            let rows: Vec<[String; 8]> = events
                .iter()
                .map(|e| {
                    [
                        e.id.to_string(),
                        e.day.clone().unwrap_or_else(|| "-".into()),
                        e.code.clone(),
                        fit(&side(&e.source), 28),
                        fit(&side(&e.target), 28),
                        fit(&e.label, 36),
                        e.modality.clone(),
                        format!("{}/{}", e.num_articles, e.num_sources),
                    ]
                })
                .collect();
            let header = [
                "ID", "DAY", "CODE", "SOURCE", "TARGET", "EVENT", "MODALITY", "ART/SRC",
            ];
            let mut widths = header.map(|h| h.chars().count());
            for row in &rows {
                for (w, cell) in widths.iter_mut().zip(row) {
                    *w = (*w).max(cell.chars().count());
                }
            }
            let line = |cells: &[String]| -> String {
                cells
                    .iter()
                    .zip(widths)
                    .map(|(c, w)| format!("{c:<w$}"))
                    .collect::<Vec<_>>()
                    .join("  ")
                    .trim_end()
                    .to_string()
            };
            writeln!(out, "{}", line(&header.map(String::from)))?;
            for row in &rows {
                writeln!(out, "{}", line(row))?;
            }
        }
    }
    Ok(())
}

fn write_series(days: &[SeriesDay], output: QueryOutput, out: &mut dyn Write) -> io::Result<()> {
    match output {
        QueryOutput::Jsonl => {
            for d in days {
                serde_json::to_writer(&mut *out, d)?;
                out.write_all(b"\n")?;
            }
        }
        QueryOutput::Csv | QueryOutput::Table => {
            let sep = if output == QueryOutput::Csv {
                ","
            } else {
                "  "
            };
            let header = [
                "day",
                "verbal_cooperation",
                "material_cooperation",
                "verbal_conflict",
                "material_conflict",
                "total",
            ];
            writeln!(out, "{}", header.join(sep))?;
            for d in days {
                let total: u64 = d.quad.iter().sum();
                if output == QueryOutput::Csv {
                    let [a, b, c, e] = d.quad;
                    writeln!(out, "{},{a},{b},{c},{e},{total}", d.day)?;
                } else {
                    let [a, b, c, e] = d.quad;
                    writeln!(
                        out,
                        "{}  {a:>18}  {b:>20}  {c:>15}  {e:>17}  {total:>5}",
                        d.day
                    )?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
    }
}
