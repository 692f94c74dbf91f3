//! The thin wasm glue: browser APIs in, engine calls, DOM and messages out.
//!
//! Nothing here decides what is a finding; that is the engine's job. Every export catches
//! its own errors and turns them into values or messages, so no panic reaches the page.

mod background;
mod dom;
mod options;
mod platform;
mod popup;

use wasm_bindgen::prelude::*;

/// Extension version, from Cargo.toml.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// `{version, services}` of the compiled-in catalog.
#[wasm_bindgen]
pub fn catalog_info() -> JsValue {
    let info = serde_json_like(&[
        ("version", crate::catalog::VERSION.into()),
        ("services", (crate::catalog::Catalog::embedded().len() as f64).into()),
    ]);
    info.into()
}

fn serde_json_like(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let obj = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj
}

pub use background::{handle_message, tab_closed, tab_navigated};
pub use options::render_options;
pub use popup::render_popup;
