//! The native tests of the core, one test crate (#26: one link of docx-rs and the core instead of
//! one per file). Each module is one area; `common` holds the shared helpers and sample drafts.

mod common;

mod actuals;
mod annual_report;
mod architecture;
mod backup;
mod chart;
mod claims;
mod content;
mod coverage;
mod current_policy;
mod diff;
mod document;
mod draft;
mod export;
mod figures;
mod finishing;
mod grid;
mod html;
mod indicator_texts;
mod kpi;
mod marks;
mod ooxml_order;
mod pack;
mod policy_import;
mod repository;
mod review;
mod route;
mod shinkyu;
mod table_layout;
mod versions;
mod wareki;
mod wording;
mod work_file;
mod worker_api;
