//! Unscored's engine: the catalog of services that score or profile people, and the
//! detectors that find their widgets, profile pages and consent screens.
//!
//! Pure Rust, no browser APIs: the same code runs natively (the `unscored` CLI and the
//! tests) and in the extension through the thin `wasm` glue (`src/wasm/`, built for wasm32 only).
//!
//! - [`urls`]: splitting URLs for matching.
//! - [`patterns`]: the catalog's `host/path` URL patterns.
//! - [`catalog`]: the records, the embedded compiled catalog and its lint.
//! - [`filters`]: uBlock Origin-style cosmetic filters for custom and catalog rules.
//! - [`consent`]: OAuth consent screens, their scopes in plain words.
//! - [`heuristics`]: score displays of services the catalog does not know.
//! - [`names`]: whether a card names a person ("Jane Doe"), from census given names.
//! - [`signals`]: whether a page at an ambiguous address (a name search) is about one person.
//! - [`settings`]: what a person chose (sites where Unscored stays quiet).
//! - [`sign`]: the two words every note of this install shows, so a page cannot fake one.
//! - [`tracker`]: the opt-outs a person sent, when to look again, and the backup file.
//! - [`selectors`]: a selector list in fewer parts, for the page's one query of rare groups.
//! - [`engine`]: the immutable detection engine built from the catalog.
//! - [`protocol`]: the messages the background takes, one enum per sender, capped.

pub mod cards;
pub mod catalog;
pub mod consent;
pub mod engine;
pub mod filters;
pub mod heuristics;
pub mod names;
pub mod patterns;
pub mod protocol;
pub mod selectors;
pub mod settings;
pub mod sign;
pub mod signals;
pub mod tracker;
pub mod urls;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
