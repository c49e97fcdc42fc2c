//! Progress on stderr when it is a terminal: articles done, MB/s and ETA for
//! extract and build, quads and MB written for export. Silent in pipes and
//! with `--quiet`.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    articles: AtomicU64,
}

fn visible(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal()
}

impl Progress {
    /// Articles read from `total_bytes` of input.
    pub fn new(quiet: bool, total_bytes: u64, what: &str) -> Self {
        let template = "{prefix} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}";
        Self::bar(quiet, || Some(total_bytes), template, what)
    }

    /// Quads written out of `total()` (asked only when the bar is shown:
    /// counting a large store takes a moment).
    pub fn quads(quiet: bool, total: impl FnOnce() -> u64, what: &str) -> Self {
        let template = "{prefix} [{elapsed_precise}] {wide_bar} {human_pos}/{human_len} quads ETA {eta} {msg}";
        Self::bar(quiet, || Some(total()), template, what)
    }

    /// A spinner with a message, for a step that reports no progress.
    pub fn spinner(quiet: bool, what: &str) -> Self {
        let p = Self::bar(quiet, || None, "{spinner} {msg} [{elapsed_precise}]", what);
        if let Some(b) = &p.bar {
            b.set_message(what.to_owned());
            b.enable_steady_tick(std::time::Duration::from_millis(200));
        }
        p
    }

    fn bar(quiet: bool, len: impl FnOnce() -> Option<u64>, template: &str, what: &str) -> Self {
        let bar = visible(quiet).then(|| {
            let bar = ProgressBar::with_draw_target(len(), ProgressDrawTarget::stderr());
            bar.set_style(ProgressStyle::with_template(template).expect("valid template"));
            bar.set_prefix(what.to_owned());
            bar
        });
        Self { bar, articles: 0.into() }
    }

    pub fn advance(&self, articles: u64, bytes: u64) {
        let n = self.articles.fetch_add(articles, Ordering::Relaxed) + articles;
        if let Some(b) = &self.bar {
            b.inc(bytes);
            b.set_message(format!("{n} articles"));
        }
    }

    /// For counters: the position and a message.
    pub fn set(&self, position: u64, message: impl FnOnce() -> String) {
        if let Some(b) = &self.bar {
            b.set_position(position);
            b.set_message(message());
        }
    }

    /// Print a line above the bar (or plainly without one).
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(b) => b.println(line),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
