//! `./task package --pack <file>…` (#13): validates content packs exactly as an import does and
//! prints them in their installed form (a JSON array), which `.ci/package.js` bakes into both
//! packages. A pack that fails stops the packaging with the file name and what is wrong.

use jinzai_hoshin::content::complete_guideline;
use jinzai_hoshin::content::pack::{parse_pack, InstalledPack};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut packs: Vec<InstalledPack> = Vec::new();
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("パック「{path}」を読めません（{e}）。");
                return ExitCode::FAILURE;
            }
        };
        match parse_pack(complete_guideline(), &bytes) {
            Ok(pack) if packs.iter().any(|p| p.id == pack.id) => {
                eprintln!(
                    "パック「{path}」の id「{}」は、先に指定したパックと同じです。",
                    pack.id
                );
                return ExitCode::FAILURE;
            }
            Ok(pack) => packs.push(pack.installed()),
            Err(e) => {
                eprintln!("パック「{path}」は組み込めません。{}", e.to_japanese());
                return ExitCode::FAILURE;
            }
        }
    }
    println!(
        "{}",
        serde_json::to_string(&packs).expect("installed packs serialise")
    );
    ExitCode::SUCCESS
}
