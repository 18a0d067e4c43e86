//! Prints the maximal benchmark draft (100k characters, 30 KPI rows) as stored JSON.
//! Used by `tools/bench.js` to load a large draft into the browser.

use jinzai_hoshin::content::guideline;
use jinzai_hoshin::draft::codec::encode;
use jinzai_hoshin::draft::sample::maximal_draft;

fn main() {
    let draft = maximal_draft(guideline(), 100_000, 30, 1_764_000_000_000);
    print!("{}", encode(&draft));
}
