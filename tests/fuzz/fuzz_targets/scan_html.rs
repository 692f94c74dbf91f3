//! The CLI pipeline on arbitrary HTML: input is `url\nhtml`; plan, collect, findings.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use unscored::catalog::Catalog;
use unscored::engine::{Engine, EngineBuilder};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| EngineBuilder::new(Catalog::embedded()).build())
}

fuzz_target!(|input: &str| {
    let (url, html) = input.split_once('\n').unwrap_or((input, ""));
    let engine = engine();
    let plan = engine.plan(url);
    let (c, page) = unscored::html::collect(html, &plan);
    let _ = engine.findings(url, &plan, &c, &page);
});
