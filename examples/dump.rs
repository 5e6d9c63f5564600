fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let pages = gavel::agenda::debug_pdf_pages(&bytes);
    for (i, p) in pages.iter().enumerate() {
        println!("=============== page {}", i + 1);
        print!("{p}");
    }
}
