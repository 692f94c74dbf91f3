//! Hot paths of the engine, natively: URL classification (per page load) and judging the
//! candidates of a 10,000-element page. `./build.sh bench` runs these, the same paths in
//! wasm inside headless Chromium, and prints one table (also written to dist/bench.txt).

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use unscored::catalog::Catalog;
use unscored::engine::EngineBuilder;

mod page;
use page::{ten_thousand_element_page, URLS};

fn classify(c: &mut Criterion) {
    let engine = EngineBuilder::new(Catalog::embedded()).build();
    let urls: Vec<unscored::urls::Url> = URLS.iter().map(|u| unscored::urls::Url::parse(u).unwrap()).collect();
    c.bench_function("classify_url", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % urls.len();
            black_box(engine.profile_service(black_box(&urls[i])))
        })
    });
    c.bench_function("plan_per_page_load", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % URLS.len();
            black_box(engine.plan(black_box(URLS[i])))
        })
    });
}

fn ten_thousand(c: &mut Criterion) {
    let engine = EngineBuilder::new(Catalog::embedded()).build();
    let html = ten_thousand_element_page();
    let url = "https://blog.example/";
    let plan = engine.plan(url);
    let (candidates, page) = unscored::html::collect(&html, &plan);
    assert!(candidates.len() > 10, "the page must give the engine work");
    c.bench_function("engine_findings_10k_page", |b| {
        b.iter(|| black_box(engine.findings(url, &plan, black_box(&candidates), &page)))
    });
    c.bench_function("engine_build", |b| b.iter(|| black_box(EngineBuilder::new(Catalog::embedded()).build())));
    c.bench_function("catalog_inflate_decode", |b| b.iter(|| black_box(Catalog::decode_embedded())));
    // What a woken background decodes to draw its first card: that service's record alone.
    c.bench_function("catalog_inflate_decode_one_record", |b| {
        b.iter(|| black_box(Catalog::decode_embedded_record(black_box("klout"))))
    });
    // What a woken background decodes before its first plan: the rules alone.
    c.bench_function("catalog_rules_inflate_decode", |b| b.iter(|| black_box(Catalog::decode_embedded_rules())));
    c.bench_function("engine_build_from_rules", |b| {
        b.iter(|| black_box(EngineBuilder::new(Catalog::embedded_rules()).build()))
    });
}

criterion_group!(benches, classify, ten_thousand);
criterion_main!(benches);
