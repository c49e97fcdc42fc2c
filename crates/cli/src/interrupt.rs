//! Ctrl-C (and SIGTERM) during a build: the first one asks the build to stop
//! between batches, keep what it has stored and say how to finish; a second
//! one exits at once (the store still opens; the next build completes it).

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Route Ctrl-C and SIGTERM to [`requested`]. Commands that never install it
/// keep the default behaviour (they stop at once).
pub fn install() {
    let result = ctrlc::set_handler(|| {
        if REQUESTED.swap(true, Ordering::SeqCst) {
            eprintln!("\ndragoman: interrupted again; stopping now");
            std::process::exit(130);
        }
        eprintln!("\ndragoman: interrupted; finishing the current batch (Ctrl-C again to stop now)");
    });
    if let Err(e) = result {
        log::warn!("cannot handle Ctrl-C: {e}");
    }
}

/// Whether the user asked to stop.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::Relaxed)
}
