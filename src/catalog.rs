//! The catalog: one reviewed record per service, compiled into the binary at build time.
//!
//! `build.rs` parses `src/catalog/services/*.toml` and embeds them as deflated postcard bytes, so
//! a page load never parses TOML; [`Catalog::embedded`] inflates and decodes them once per process (once per
//! background start in the extension). [`lint`] checks a catalog folder the way
//! `unscored catalog lint` reports it.
//!
//! ```
//! let catalog = unscored::catalog::Catalog::embedded();
//! let klout = catalog.get("klout").unwrap();
//! assert_eq!(klout.status, "defunct");
//! ```

#[cfg(not(target_arch = "wasm32"))]
pub mod audit;
#[cfg(not(target_arch = "wasm32"))]
pub mod lint;
pub mod record;

pub use record::Record;

use std::sync::OnceLock;

static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.postcard.deflate"));
static EMBEDDED_RULES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog-rules.postcard.deflate"));

/// Far above the real catalog (~330 KB), so corrupt bytes cannot ask for unbounded memory.
const MAX_INFLATED: usize = 16 << 20;

/// Version of the embedded catalog: newest `last_checked` date and a content hash.
pub const VERSION: &str = env!("UNSCORED_CATALOG_VERSION");

/// An immutable set of records, sorted by id.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    records: Vec<Record>,
}

impl Catalog {
    /// The catalog compiled into this build. Decoding cannot fail for bytes `build.rs` wrote;
    /// should it ever, the result is an empty catalog rather than a panic in the page.
    pub fn embedded() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(Catalog::decode_embedded)
    }

    /// Inflates and decodes the embedded bytes: what [`Catalog::embedded`] does once, public
    /// for the benchmark.
    pub fn decode_embedded() -> Catalog {
        Catalog::decode(EMBEDDED)
    }

    /// The same records with only what detection reads (id, name, category, status, domains,
    /// profile-page and widget rules): prose, ways out, permissions and sources are empty.
    /// A fraction of the full catalog's decoding time, for a background that must answer a
    /// page quickly after the browser woke it; cards and consent screens read
    /// [`Catalog::embedded`] when they need it.
    pub fn embedded_rules() -> &'static Catalog {
        static RULES: OnceLock<Catalog> = OnceLock::new();
        RULES.get_or_init(Catalog::decode_embedded_rules)
    }

    /// What [`Catalog::embedded_rules`] does once, public for the benchmark.
    pub fn decode_embedded_rules() -> Catalog {
        Catalog::decode(EMBEDDED_RULES)
    }

    fn decode(deflated: &[u8]) -> Catalog {
        let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(deflated, MAX_INFLATED).unwrap_or_default();
        Catalog::new(postcard::from_bytes(&bytes).unwrap_or_default())
    }

    pub fn new(mut records: Vec<Record>) -> Catalog {
        records.sort_by(|a, b| a.id.cmp(&b.id));
        Catalog { records }
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Record> {
        self.records.binary_search_by(|r| r.id.as_str().cmp(id)).ok().map(|i| &self.records[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_catalog_decodes_sorted() {
        let c = Catalog::embedded();
        assert!(!c.is_empty());
        assert!(c.records().windows(2).all(|w| w[0].id < w[1].id));
        assert!(c.get("klout").is_some());
        assert!(c.get("no-such-service").is_none());
    }
}
