//! Measurements for `dragoman bench`. When the environment variable
//! `DRAGOMAN_STATS` names a file, a command writes there, as one JSON
//! object, the times and counts it recorded and its peak memory, so the
//! benchmark can run each phase in a child process of its own.

use serde_json::{Map, Value};
use std::sync::Mutex;

pub const ENV: &str = "DRAGOMAN_STATS";

static STATS: Mutex<Option<Map<String, Value>>> = Mutex::new(None);

/// Record one measurement (kept only when `DRAGOMAN_STATS` is set).
pub fn record(key: &str, value: impl Into<Value>) {
    if std::env::var_os(ENV).is_none() {
        return;
    }
    if let Ok(mut s) = STATS.lock() {
        s.get_or_insert_with(Map::new).insert(key.to_owned(), value.into());
    }
}

/// Write the measurements and the peak resident memory, if asked to.
pub fn write() {
    let Some(path) = std::env::var_os(ENV) else { return };
    let mut map = STATS.lock().ok().and_then(|mut s| s.take()).unwrap_or_default();
    if let Some(kb) = peak_rss_kb() {
        map.insert("peak_rss_kb".into(), kb.into());
    }
    if let Err(e) = std::fs::write(&path, Value::Object(map).to_string()) {
        eprintln!("dragoman: writing {}: {e}", std::path::Path::new(&path).display());
    }
}

/// The process's peak resident set (VmHWM), in KiB; Linux only.
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
