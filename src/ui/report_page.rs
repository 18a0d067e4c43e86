//! A read-only page about the whole draft (check answers, coverage): heading, lead, and a body
//! rendered by a pure `html` function once the long texts (checklist texts) have arrived.

use super::delegate::HtmlRegion;
use super::section_page::org_band;
use super::{PageIntro, Store};
use crate::content::{Guideline, OrgBand};
use crate::draft::Draft;
use leptos::prelude::*;

/// Renders the body from the complete guideline, the draft and the organisation band.
pub type Render = fn(&Guideline, &Draft, Option<OrgBand>) -> String;

#[component]
pub fn ReportPage(
    class: &'static str,
    title: &'static str,
    lead: &'static str,
    render: Render,
) -> impl IntoView {
    let store = Store::get();
    let band = org_band();
    let texts = super::texts::GuidanceTexts::get();
    texts.ensure_loading();
    let body = move || {
        let g = texts.guideline();
        store.draft.with(|d| render(g, d, band.get()))
    };
    view! {
        <div class=class>
            <PageIntro title lead />
            <HtmlRegion body=Signal::derive(body) />
        </div>
    }
}
