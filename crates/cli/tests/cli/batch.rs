//! Many inputs in one run: order, bad inputs that must not stop the batch, exit codes,
//! deterministic bytes, a closed stdout.

use std::path::PathBuf;

use crate::util::*;

/// Deterministic noise (xorshift), so that a failure can be replayed.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn several_paths_come_out_in_order() {
    let dir = tempdir();
    let names = ["c.txt", "a.txt", "b.txt", "e.txt", "d.txt"];
    let paths: Vec<PathBuf> = names
        .iter()
        .map(|n| {
            write(
                dir.path(),
                n,
                format!("This is the text of {n}, a short file."),
            )
        })
        .collect();
    let run = annalist(["analyze", "--format", "plain", "--jsonl"])
        .args(&paths)
        .run();
    run.expect_code(0);
    let lines = run.lines();
    let sources: Vec<&str> = lines.iter().map(source_of).collect();
    let expected: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    assert_eq!(sources, expected, "{run:?}");
    for (line, name) in lines.iter().zip(names) {
        assert_contract(line);
        assert!(
            line["text"].as_str().is_some_and(|t| t.contains(name)),
            "{line:#}"
        );
    }
}

#[test]
fn several_records_without_jsonl_are_a_stream_of_pretty_objects() {
    let run = annalist(["analyze"])
        .arg(example("coast-guard-patrols.html"))
        .arg("-")
        .stdin(page("Second", "Snow fell."))
        .run();
    run.expect_code(0);
    let values = run.values();
    assert_eq!(values.len(), 2, "{run:?}");
    values.iter().for_each(assert_contract);
    assert_eq!(source_of(&values[1]), "<stdin>");
    let text = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        text.matches("\n{\n  \"schema\"").count(),
        1,
        "second record should start on its own line: {run:?}"
    );
}

#[test]
fn bad_inputs_give_error_records_in_place_and_the_batch_goes_on() {
    let dir = tempdir();
    let d = dir.path();
    let good = |n: usize| {
        write(
            d,
            &format!("good{n}.html"),
            page(
                &format!("Good page {n}"),
                "Rain fell on the city on Monday.",
            ),
        )
    };
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    png.extend(noise(4096, 7));
    let bad: Vec<(&str, PathBuf)> = vec![
        ("empty", write(d, "empty.html", "")),
        ("png", write(d, "image.png", png)),
        ("noise", write(d, "noise.bin", noise(20_000, 42))),
        ("missing", d.join("no-such-file.html")),
    ];
    let mut args = Vec::new();
    for (i, (_, path)) in bad.iter().enumerate() {
        args.push(good(i));
        args.push(path.clone());
    }
    args.push(good(99));
    let run = annalist(["analyze", "--jsonl"]).args(&args).run();
    run.expect_code(1);
    let lines = run.lines();
    assert_eq!(lines.len(), args.len(), "one line per path: {run:?}");
    for (i, (what, path)) in bad.iter().enumerate() {
        let (before, line, after) = (&lines[2 * i], &lines[2 * i + 1], &lines[2 * i + 2]);
        assert_contract(before);
        assert_contract(after);
        let source = path.display().to_string();
        assert_error(line, Some(&source));
        assert!(
            run.stderr.contains(&source),
            "the {what} input should be named on stderr: {run:?}"
        );
    }
}

#[test]
fn a_directory_gives_its_files_in_name_order_hidden_ones_skipped() {
    let dir = tempdir();
    let d = dir.path();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::create_dir(d.join(".git")).unwrap();
    write(d, "b.html", page("B", "Second file."));
    write(d, "a.html", page("A", "First file."));
    write(&d.join("sub"), "c.html", page("C", "Inside a folder."));
    write(d, ".hidden.html", page("H", "Never read."));
    write(&d.join(".git"), "x.html", page("X", "Never read either."));
    let run = annalist(["analyze", "--jsonl"]).run_with(d);
    let titles: Vec<String> = run
        .expect_code(0)
        .lines()
        .iter()
        .map(|l| l["doc"]["title"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(titles, ["A", "B", "C"], "{run:?}");
}

#[test]
fn invalid_utf8_gives_a_record_or_an_error_record_and_the_batch_goes_on() {
    let dir = tempdir();
    let latin1 = write(dir.path(), "latin1.html", b"<html><body><p>Caf\xe9 owners in Orl\xe9ans said on Monday that prices rose.</p></body></html>".as_slice());
    let broken = write(
        dir.path(),
        "broken.txt",
        b"Valid start \xff\xfe\xc3 then more text after the bad bytes.".as_slice(),
    );
    let after = write(dir.path(), "after.txt", "Still here.");
    let run = annalist(["analyze", "--jsonl"])
        .args([&latin1, &broken, &after])
        .run();
    let lines = run.lines();
    assert_eq!(lines.len(), 3, "{run:?}");
    for line in &lines[..2] {
        if line.get("error").is_some() {
            assert_error(line, Some(source_of(line)));
        } else {
            assert_contract(line);
        }
    }
    assert_contract(&lines[2]);
    assert_eq!(lines[2]["text"], "Still here.", "{run:?}");
}

#[test]
fn a_file_over_the_size_cap_is_refused_without_reading_it() {
    let dir = tempdir();
    let huge = dir.path().join("huge.html");
    // Sparse: takes no disk space, and annalist must not read it.
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(300 * 1024 * 1024))
        .expect("sparse file");
    let after = write(
        dir.path(),
        "after.txt",
        page("After", "Fog closed the airport on Sunday."),
    );
    let run = annalist(["analyze", "--jsonl", "--format", "html"])
        .args([&huge, &after])
        .run();
    run.expect_code(1);
    let lines = run.lines();
    assert_eq!(lines.len(), 2, "{run:?}");
    assert_error(&lines[0], Some(&huge.display().to_string()));
    assert!(
        lines[0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("too large")),
        "{run:?}"
    );
    assert_contract(&lines[1]);
}

#[test]
fn output_is_deterministic_and_independent_of_threads() {
    let dir = tempdir();
    let mut args = vec![
        example("coast-guard-patrols.html"),
        example("port-strike.txt"),
        example("wire.jsonl"),
    ];
    for i in 0..40 {
        args.push(write(
            dir.path(),
            &format!("p{i:02}.html"),
            page(
                &format!("Page {i}"),
                &"Ministers met in Oslo on Friday. ".repeat(i + 1),
            ),
        ));
    }
    let runs: Vec<Run> = ["1", "2", "2", "7"]
        .iter()
        .map(|t| annalist(["analyze", "--threads", t]).args(&args).run())
        .collect();
    for run in &runs {
        assert_eq!(run.code(), 0, "{run:?}");
        assert_eq!(run.values().len(), 45, "{run:?}");
    }
    for run in &runs[1..] {
        assert!(
            run.stdout == runs[0].stdout,
            "output differs between runs: {:?} vs {:?}",
            runs[0].args,
            run.args
        );
    }
}

#[test]
fn a_closed_stdout_ends_quietly_with_success() {
    let lines: String = (0..3000).map(|i| format!("{{\"id\":\"n{i}\",\"format\":\"plain\",\"content\":\"Line {i} of a long stream.\"}}\n")).collect();
    let run = annalist(["analyze", "--format", "jsonl", "-"])
        .stdin(lines)
        .close_stdout()
        .run();
    run.expect_code(0);
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("Broken pipe"),
        "{run:?}"
    );
}

#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_is_an_output_error_that_says_so() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let dir = tempdir();
    let path = write(dir.path(), "a.txt", "Some text to analyse here.");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_annalist"))
        .args(["analyze", "--format", "plain"])
        .arg(&path)
        .stdout(full)
        .output()
        .expect("cannot start annalist");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot write") && stderr.contains("No space left"),
        "the message should say that writing the output failed: {stderr}"
    );
}
