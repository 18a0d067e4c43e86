//! The browser's clock, for timestamps and the pure date formatting in `html` (its own module, so
//! whatever needs the time does not depend on the store).

use crate::draft::Timestamp;

pub fn now() -> Timestamp {
    js_sys::Date::now() as Timestamp
}

/// 「14:05」: a time of today in the status lines.
pub fn hh_mm(ts: Timestamp) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ts as f64));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// Minutes east of UTC in this browser (540 in Japan), for the pure date formatting in `html`.
pub fn utc_offset_minutes() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}
