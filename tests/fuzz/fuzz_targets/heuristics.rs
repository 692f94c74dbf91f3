//! Score-display heuristics: any UTF-8 through `score_display` without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unscored::heuristics::score_display;

fuzz_target!(|s: &str| {
    let _ = score_display(s);
});
