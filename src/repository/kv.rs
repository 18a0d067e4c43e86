//! The key-value store the repository runs on: localStorage in the browser (`crate::storage`), a
//! map in native tests. Every write can fail, and the caller must check it.

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};

/// A write the store refused (quota exceeded, storage blocked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteFailed;

pub trait KeyValue {
    /// `Err` when the store cannot be read at all (then nothing may be overwritten).
    fn get(&self, key: &str) -> Result<Option<String>, WriteFailed>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteFailed>;
    fn remove(&mut self, key: &str) -> Result<(), WriteFailed>;
    fn keys(&self) -> Vec<String>;
}

/// In-memory store for tests: a quota in UTF-16 units (as browsers count it), and writes that can
/// be made to fail by their position (0 = the next write).
#[derive(Debug, Default, Clone)]
pub struct MemoryKv {
    pub map: BTreeMap<String, String>,
    /// UTF-16 units of keys and values together; `None` = unlimited.
    pub quota_units: Option<usize>,
    failing_writes: BTreeSet<usize>,
    writes: Cell<usize>,
    /// Every access fails, as where a policy blocks site data (#25).
    pub blocked: bool,
}

impl MemoryKv {
    pub fn new() -> MemoryKv {
        MemoryKv::default()
    }

    /// Makes the `n`-th write from now fail (0 = the next one). Removes count as writes.
    pub fn fail_write(&mut self, n: usize) {
        self.failing_writes.insert(self.writes.get() + n);
    }

    /// UTF-16 units in use.
    pub fn used_units(&self) -> usize {
        self.map
            .iter()
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }

    /// Sets the quota to what is in use plus `free` units.
    pub fn leave_free(&mut self, free: usize) {
        self.quota_units = Some(self.used_units() + free);
    }

    fn next_write_fails(&self) -> bool {
        let n = self.writes.get();
        self.writes.set(n + 1);
        self.failing_writes.contains(&n)
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, WriteFailed> {
        if self.blocked {
            return Err(WriteFailed);
        }
        Ok(self.map.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteFailed> {
        if self.blocked || self.next_write_fails() {
            return Err(WriteFailed);
        }
        if let Some(quota) = self.quota_units {
            let old = self
                .map
                .get(key)
                .map_or(0, |v| key.encode_utf16().count() + v.encode_utf16().count());
            let new = key.encode_utf16().count() + value.encode_utf16().count();
            if self.used_units() - old + new > quota {
                return Err(WriteFailed);
            }
        }
        self.map.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), WriteFailed> {
        if self.blocked || self.next_write_fails() {
            return Err(WriteFailed);
        }
        self.map.remove(key);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }
}
