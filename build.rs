//! Converts the guideline content from TOML (pleasant for domain experts to edit) to JSON, so the
//! wasm bundle parses it with serde_json, which the app needs anyway, instead of shipping a TOML parser.

use std::{env, fs, path::Path};

fn main() {
    let source = "src/content/guideline.toml";
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).expect("read guideline.toml");
    let value: toml::Value = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("src/content/guideline.toml is not valid TOML:\n{e}"));
    let json = serde_json::to_string(&value).expect("TOML converts to JSON");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("guideline.json");
    fs::write(out, json).expect("write guideline.json");
}
