//! Prints a draft holding every 記入例 for a kind of organisation and 文体, as stored JSON:
//! `examples_draft <name> <org-kind> <dearu|desu-masu>` (the DOCX check renders it).

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::codec::encode;
use jinzai_hoshin::draft::sample::examples_draft;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [name, kind, style] = args.as_slice() else {
        eprintln!("usage: examples_draft <団体名> <org-kind> <dearu|desu-masu>");
        std::process::exit(2);
    };
    print!(
        "{}",
        encode(&examples_draft(guideline(), name, kind, style))
    );
}
