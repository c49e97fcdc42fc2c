//! Progress on stderr when it is a terminal: articles done, MB/s and ETA.
//! Silent in pipes and with `--quiet`.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

pub struct Progress {
    bar: Option<ProgressBar>,
    articles: std::sync::atomic::AtomicU64,
}

impl Progress {
    pub fn new(quiet: bool, total_bytes: u64, what: &str) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{prefix} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
                )
                .expect("valid template"),
            );
            bar.set_prefix(what.to_owned());
            bar
        });
        Self { bar, articles: 0.into() }
    }

    pub fn advance(&self, articles: u64, bytes: u64) {
        let n = self.articles.fetch_add(articles, std::sync::atomic::Ordering::Relaxed) + articles;
        if let Some(b) = &self.bar {
            b.inc(bytes);
            b.set_message(format!("{n} articles"));
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
