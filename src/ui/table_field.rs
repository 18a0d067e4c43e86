//! A table question as a spreadsheet user expects: one text box per cell that grows with its
//! text, rows added and deleted, and a block pasted from Excel spread over the cells.

use super::field_parts::{hint, label_content, sync_value};
use super::Store;
use crate::content::Question;
use crate::draft::{grid, Answer};
use crate::element_id;
use leptos::html;
use leptos::prelude::*;

/// Lines a cell needs to show all its text (about 12 characters a line at its narrowest), for
/// browsers without `field-sizing: content`.
fn cell_rows(text: &str) -> usize {
    text.split('\n')
        .map(|line| line.chars().count().div_ceil(12).max(1))
        .sum::<usize>()
        .max(2)
}

#[component]
pub fn TableField(q: &'static Question) -> impl IntoView {
    let store = Store::get();
    let qid = q.id.as_str();
    let row_count = Memo::new(move |_| store.draft.with(|d| d.table_rows(qid).len()));
    let hint_id = element_id::hint_of(&element_id::question(qid));
    let set_cell = move |row: usize, col: usize, text: String| {
        store.edit(|d, now| {
            let mut rows = d.table_rows(qid);
            if let Some(cell) = rows.get_mut(row).and_then(|r| r.get_mut(col)) {
                *cell = text;
            }
            d.set_answer(qid, Answer::Table(rows), now);
        })
    };
    // A block copied from Excel fills the cells from this one on, adding rows as needed.
    let paste_block = move |ev: web_sys::ClipboardEvent, row: usize, col: usize| {
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        let text = data.get_data("text/plain").unwrap_or_default();
        let html_has_table = data
            .get_data("text/html")
            .is_ok_and(|h| h.contains("<table"));
        if !grid::is_cell_block(&text, html_has_table) {
            return;
        }
        ev.prevent_default();
        store.edit(|d, now| {
            let rows = grid::paste(
                d.table_rows(qid),
                row,
                col,
                grid::parse_tsv(&text),
                q.columns.len(),
            );
            d.set_answer(qid, Answer::Table(rows), now);
        });
    };
    let add_row = move |_| {
        store.edit(|d, now| {
            let mut rows = d.table_rows(qid);
            rows.push(vec![String::new(); q.columns.len()]);
            d.set_answer(qid, Answer::Table(rows), now);
        })
    };
    let delete_row = move |row: usize| {
        store.edit(|d, now| {
            let mut rows = d.table_rows(qid);
            if row < rows.len() {
                rows.remove(row);
            }
            d.set_answer(qid, Answer::Table(rows), now);
        })
    };
    view! {
        <fieldset class="field table-field" aria-describedby=hint_id.clone()>
            <legend class="field__label">{label_content(q)}</legend>
            {hint(q, &hint_id)}
            <div class="table-field__scroll">
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">"行"</th>
                            {q.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}
                            <th scope="col">"操作"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            (0..row_count.get())
                                .map(|row| {
                                    view! {
                                        <tr>
                                            <th scope="row">{row + 1}</th>
                                            {q
                                                .columns
                                                .iter()
                                                .enumerate()
                                                .map(|(col, column)| {
                                                    let value = Memo::new(move |_| {
                                                        store.draft.with(|d| {
                                                            d.table_rows(qid)
                                                                .get(row)
                                                                .and_then(|r| r.get(col))
                                                                .cloned()
                                                                .unwrap_or_default()
                                                        })
                                                    });
                                                    let node = NodeRef::<html::Textarea>::new();
                                                    sync_value(node, value, |el, v| el.set_value(v), |el| el.value());
                                                    view! {
                                                        <td>
                                                            <textarea
                                                                node_ref=node
                                                                id=element_id::cell(qid, row, col)
                                                                class="textarea textarea--cell"
                                                                rows=move || value.with(|v| cell_rows(v))
                                                                aria-label=format!("{}行目 {}", row + 1, column)
                                                                on:input=move |ev| set_cell(row, col, event_target_value(&ev))
                                                                on:paste=move |ev| paste_block(ev, row, col)
                                                            ></textarea>
                                                        </td>
                                                    }
                                                })
                                                .collect_view()}
                                            <td>
                                                <button
                                                    type="button"
                                                    class="button button--small button--secondary"
                                                    aria-label=format!("{}行目を削除", row + 1)
                                                    on:click=move |_| delete_row(row)
                                                >
                                                    "削除"
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <button type="button" class="button button--secondary" on:click=add_row>
                "行を追加"
            </button>
        </fieldset>
    }
}
