//! The options page: version, catalog figures, and what the extension reads, stores, sends.

use super::dom::{add, document};
use crate::catalog::{self, Catalog};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn render_options() -> Result<(), JsValue> {
    let doc = document()?;
    let about = doc.get_element_by_id("about").ok_or_else(|| JsValue::from_str("options.html lacks #about"))?;
    about.set_text_content(None);
    let catalog = Catalog::embedded();
    let figures = add(&about, "dl", "figures", "")?;
    for (label, value, id) in [
        ("Version", env!("CARGO_PKG_VERSION").to_string(), "version"),
        ("Catalog version", catalog::VERSION.to_string(), "catalog-version"),
        ("Services in the catalog", catalog.len().to_string(), "catalog-size"),
    ] {
        add(&figures, "dt", "", label)?;
        add(&figures, "dd", "", &value)?.set_id(id);
    }
    Ok(())
}
