//! Writes the Markdown and DOCX exports of a stored draft JSON file.
//! `cargo run --example export_sample -- <draft.json> <out-dir> [approval|review] [year month]`
//! Used by the LibreOffice check in `./task test` and to render page images for docs/.

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::codec::decode;
use jinzai_hoshin::export::document::PolicyDocument;
use jinzai_hoshin::export::{docx, markdown, ExportOptions, ExportProfile};
use std::{env, fs, path::Path};

fn main() {
    let args: Vec<String> = env::args().collect();
    let (input, out) = (&args[1], Path::new(&args[2]));
    let draft = decode(&fs::read_to_string(input).expect("read draft")).expect("valid draft");
    let options = ExportOptions {
        profile: if args.get(3).map(String::as_str) == Some("review") {
            ExportProfile::Review
        } else {
            ExportProfile::Approval
        },
        ..ExportOptions::default_for(2026, 11)
    };
    let doc = PolicyDocument::build(guideline(), &draft, &options);
    let stem = Path::new(input)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    fs::create_dir_all(out).expect("create out dir");
    fs::write(out.join(format!("{stem}.md")), markdown::render(&doc)).expect("write md");
    fs::write(
        out.join(format!("{stem}.docx")),
        docx::render(&doc, &options),
    )
    .expect("write docx");
}
