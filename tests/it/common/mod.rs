//! Helpers shared by the native test modules (`tests/it/main.rs` declares this module once).
// Not every helper is used by the tests of every build (e.g. with a test filter).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// Every text part of a .docx (a ZIP archive), by name.
pub fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a valid zip");
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut text = String::new();
        if file.read_to_string(&mut text).is_ok() {
            parts.insert(file.name().to_owned(), text);
        }
    }
    parts
}

/// The shared sample draft (`tests/fixtures/sample-draft.json`): a municipality's answers in
/// every section, decoded as the app would read them from storage.
pub fn sample() -> jinzai_hoshin::draft::Draft {
    jinzai_hoshin::draft::codec::decode(include_str!("../../fixtures/sample-draft.json"))
        .expect("the sample draft decodes")
}
