//! The catalog: one reviewed record per service, compiled into the binary at build time.
//!
//! `build.rs` parses `src/catalog/services/*.toml` and embeds them as deflated postcard records, so
//! a page load never parses TOML; [`Catalog::embedded`] inflates and decodes them all once per
//! process, [`Catalog::embedded_record`] one record when first asked for (a woken background
//! drawing one card), [`Catalog::embedded_rules`] what detection reads. [`lint`] checks a catalog folder the way
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
        // From the bytes embedded_record keeps: one inflate per process, whichever comes first.
        CATALOG.get_or_init(|| Catalog::decode_framed(&LazyRecords::embedded().bytes))
    }

    /// Inflates and decodes the embedded bytes: what [`Catalog::embedded`] does once, public
    /// for the benchmark.
    pub fn decode_embedded() -> Catalog {
        Catalog::decode_framed(&inflate(EMBEDDED))
    }

    fn decode_framed(bytes: &[u8]) -> Catalog {
        Catalog::new(framed_records(bytes).filter_map(|(_, record)| postcard::from_bytes(record).ok()).collect())
    }

    /// What [`Catalog::embedded_record`] does the first time for `id` (inflating and framing
    /// included, nothing kept), public for the benchmark.
    pub fn decode_embedded_record(id: &str) -> Option<Record> {
        let bytes = inflate(EMBEDDED);
        let (_, record) = framed_records(&bytes).find(|(known, _)| *known == id)?;
        postcard::from_bytes(record).ok()
    }

    /// One record of the catalog compiled into this build, decoded the first time it is asked
    /// for: a woken background drawing one card decodes that service's prose alone, not the
    /// whole catalog's ([`Catalog::embedded`]). The same records as `embedded().get(id)`.
    pub fn embedded_record(id: &str) -> Option<&'static Record> {
        let lazy = LazyRecords::embedded();
        // A few hundred ids compared in microseconds; sorting them would add its code to the wasm.
        let (_, at, decoded) = lazy.records.iter().find(|(known, _, _)| known == id)?;
        decoded.get_or_init(|| postcard::from_bytes(&lazy.bytes[at.clone()]).ok()).as_ref()
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
        Catalog::new(postcard::from_bytes(&inflate(deflated)).unwrap_or_default())
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

fn inflate(deflated: &[u8]) -> Vec<u8> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(deflated, MAX_INFLATED).unwrap_or_default()
}

/// The records `build.rs` framed one by one (`u16` id length, id, `u32` record length, record),
/// as (id, record bytes). A frame that runs past the end stops the list: bytes `build.rs` wrote
/// never do, and a truncated catalog must not panic in the page.
fn framed_records(bytes: &[u8]) -> impl Iterator<Item = (&str, &[u8])> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        let (len, after) = rest.split_first_chunk::<2>()?;
        let (id, after) = after.split_at_checked(u16::from_le_bytes(*len) as usize)?;
        let (len, after) = after.split_first_chunk::<4>()?;
        let (record, after) = after.split_at_checked(u32::from_le_bytes(*len) as usize)?;
        rest = after;
        Some((std::str::from_utf8(id).ok()?, record))
    })
}

/// The embedded records inflated once, each decoded when first needed.
struct LazyRecords {
    bytes: Vec<u8>,
    /// Each id, where its record lies in `bytes`, and the record once decoded.
    records: Vec<(String, std::ops::Range<usize>, OnceLock<Option<Record>>)>,
}

impl LazyRecords {
    fn embedded() -> &'static LazyRecords {
        static LAZY: OnceLock<LazyRecords> = OnceLock::new();
        LAZY.get_or_init(|| {
            let bytes = inflate(EMBEDDED);
            let base = bytes.as_ptr() as usize;
            let records = framed_records(&bytes)
                .map(|(id, record)| {
                    let start = record.as_ptr() as usize - base;
                    (id.to_string(), start..start + record.len(), OnceLock::new())
                })
                .collect();
            LazyRecords { bytes, records }
        })
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

    #[test]
    fn one_record_decodes_alone_and_equals_the_catalogs() {
        let c = Catalog::embedded();
        for r in c.records() {
            assert_eq!(Catalog::embedded_record(&r.id), Some(r), "{}", r.id);
        }
        assert!(Catalog::embedded_record("no-such-service").is_none());
    }

    #[test]
    fn a_truncated_frame_ends_the_list_without_panicking() {
        let mut bytes = Vec::new();
        for (id, record) in [("a", &b"xy"[..]), ("b", &b"z"[..])] {
            bytes.extend_from_slice(&(id.len() as u16).to_le_bytes());
            bytes.extend_from_slice(id.as_bytes());
            bytes.extend_from_slice(&(record.len() as u32).to_le_bytes());
            bytes.extend_from_slice(record);
        }
        assert_eq!(framed_records(&bytes).collect::<Vec<_>>(), [("a", &b"xy"[..]), ("b", &b"z"[..])]);
        for cut in 0..bytes.len() {
            assert!(framed_records(&bytes[..cut]).count() < 2, "cut at {cut}");
        }
    }
}
