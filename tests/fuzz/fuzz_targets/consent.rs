//! Consent-screen URLs: any UTF-8 through `recognise`; a recognised request must explain
//! and render against the embedded catalog, and take the input as page text, without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unscored::catalog::Catalog;
use unscored::consent::{explain, recognise, render_text};

fuzz_target!(|s: &str| {
    let Some(req) = recognise(s) else { return };
    let e = explain(&req, Catalog::embedded().records());
    let _ = render_text(&e);
    let req = req.with_page_text(s);
    let e = explain(&req, Catalog::embedded().records());
    let _ = render_text(&e);
});
