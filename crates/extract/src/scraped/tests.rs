use super::*;

#[test]
fn debug_seed() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seed/000_bee019fe0c51243f.txt");
    let Ok(text) = std::fs::read_to_string(path) else { println!("skipping: shared/ absent"); return; };
    let doc = extract_scraped(&text);
    println!("{:#?}", Document { text: String::new(), ..doc.clone() });
    for p in doc.paragraph_texts() { println!("P: {}", &p[..p.len().min(80)]); }
}
