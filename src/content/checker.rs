//! What the content checks report, and the collector they share (`validate`, `wording`,
//! `support`): in its own module so the checks depend on it and not on each other.

use std::collections::HashSet;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// Where: e.g. `section ideal-staff / question ideal-staff.vision`.
    pub at: String,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.problem)
    }
}

#[derive(Default)]
pub(crate) struct Checker {
    pub(crate) errors: Vec<ContentError>,
}

impl Checker {
    pub(crate) fn fail(&mut self, at: impl Into<String>, problem: impl Into<String>) {
        self.errors.push(ContentError {
            at: at.into(),
            problem: problem.into(),
        });
    }

    pub(crate) fn non_empty(&mut self, at: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail(at, format!("`{field}` is empty"));
        }
    }

    pub(crate) fn unique<'a>(&mut self, seen: &mut HashSet<&'a str>, at: &str, id: &'a str) {
        if id.trim().is_empty() {
            self.fail(at, "empty id");
        } else if !seen.insert(id) {
            self.fail(at, format!("duplicate id `{id}`"));
        }
    }
}
