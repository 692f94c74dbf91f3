//! The thin wasm glue: browser APIs in, engine calls, DOM and messages out.
//!
//! Nothing here decides what is a finding; that is the engine's job. Every export catches
//! its own errors and turns them into values or messages, so no panic reaches the page.

mod background;
mod dom;
mod options;
mod platform;
mod popup;
mod queue;
mod storage;

use wasm_bindgen::prelude::*;

// Only its URL mix is used here; the pages are the browser benchmark's.
#[allow(dead_code)]
#[path = "../tests/bench/page.rs"]
mod bench_page;

/// Benchmark export: mean nanoseconds to classify one URL (is it a profile page, of whom),
/// over `rounds` passes of the benchmark's URL mix. Used by `./build.sh bench` only.
#[wasm_bindgen]
pub fn bench_classify(rounds: u32) -> f64 {
    use crate::catalog::Catalog;
    use crate::engine::EngineBuilder;
    let engine = EngineBuilder::new(Catalog::embedded()).build();
    let urls: Vec<crate::urls::Url> = bench_page::URLS.iter().filter_map(|u| crate::urls::Url::parse(u).ok()).collect();
    let perf = web_sys::window().and_then(|w| w.performance());
    let now = || perf.as_ref().map(|p| p.now()).unwrap_or(0.0);
    let start = now();
    let mut hits = 0usize;
    for _ in 0..rounds {
        for u in &urls {
            hits += usize::from(std::hint::black_box(engine.profile_service(std::hint::black_box(u))).is_some());
        }
    }
    let elapsed_ms = now() - start;
    std::hint::black_box(hits);
    elapsed_ms * 1e6 / (f64::from(rounds.max(1)) * urls.len().max(1) as f64)
}

pub use background::handle_message;
pub use options::render_options;
pub use popup::render_popup;
