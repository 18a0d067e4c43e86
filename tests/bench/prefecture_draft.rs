//! Prints the prefecture draft with the longest realistic values (`draft::sample::prefecture_draft`)
//! as stored JSON (the DOCX check renders it).

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::codec::encode;
use jinzai_hoshin::draft::sample::prefecture_draft;

fn main() {
    print!("{}", encode(&prefecture_draft(guideline())));
}
