//! The catalog: one reviewed record per service, compiled into the binary at build time.
//!
//! `build.rs` parses `src/catalog/services/*.toml` and embeds them as postcard records, each
//! deflated on its own against a shared dictionary, so a page load never parses TOML;
//! [`Catalog::embedded`] inflates and decodes them all once per process,
//! [`Catalog::embedded_record`] one record when first asked for (a woken background drawing one
//! card), [`Catalog::embedded_rules`] what detection reads. [`lint`] checks a catalog folder the way
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

static EMBEDDED_RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.records"));
static EMBEDDED_DICTIONARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.dictionary.deflate"));
static EMBEDDED_RULES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog-rules.postcard.deflate"));

/// Far above the real catalog (~330 KB), so corrupt bytes cannot ask for unbounded memory.
const MAX_INFLATED: usize = 16 << 20;
/// Far above any one record (a few KB): the same guard per record.
const MAX_RECORD: usize = 1 << 20;

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

    /// Inflates and decodes every embedded record: what [`Catalog::embedded`] does once, public
    /// for the benchmark.
    pub fn decode_embedded() -> Catalog {
        let mut inflater = RecordInflater::new();
        Catalog::new(
            framed_records(EMBEDDED_RECORDS)
                .filter_map(|frame| postcard::from_bytes(inflater.inflate(&frame)?).ok())
                .collect(),
        )
    }

    /// What [`Catalog::embedded_record`] does the first time for `id` (nothing kept), public
    /// for the benchmark.
    pub fn decode_embedded_record(id: &str) -> Option<Record> {
        let frame = framed_records(EMBEDDED_RECORDS).find(|f| f.id == id)?;
        postcard::from_bytes(RecordInflater::new().inflate(&frame)?).ok()
    }

    /// One record of the catalog compiled into this build, inflated and decoded the first time
    /// it is asked for: a woken background drawing one card inflates that service's record
    /// alone, not the whole catalog ([`Catalog::embedded`]). The same records as
    /// `embedded().get(id)`.
    pub fn embedded_record(id: &str) -> Option<&'static Record> {
        static LAZY: OnceLock<Vec<(Frame<'static>, OnceLock<Option<Record>>)>> = OnceLock::new();
        let lazy = LAZY.get_or_init(|| framed_records(EMBEDDED_RECORDS).map(|f| (f, OnceLock::new())).collect());
        // A few hundred ids compared in microseconds; sorting them would add its code to the wasm.
        let (frame, decoded) = lazy.iter().find(|(f, _)| f.id == id)?;
        decoded.get_or_init(|| postcard::from_bytes(RecordInflater::new().inflate(frame)?).ok()).as_ref()
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

/// One record as `build.rs` framed it: its id, its length inflated, and its deflate stream,
/// which refers back into the catalog's dictionary.
struct Frame<'a> {
    id: &'a str,
    len: usize,
    stream: &'a [u8],
}

/// The records `build.rs` framed one by one (`u16` id length, id, `u32` record length, `u32`
/// stream length, stream). A frame that runs past the end stops the list: bytes `build.rs`
/// wrote never do, and a truncated catalog must not panic in the page.
fn framed_records(bytes: &[u8]) -> impl Iterator<Item = Frame<'_>> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        let (len, after) = rest.split_first_chunk::<2>()?;
        let (id, after) = after.split_at_checked(u16::from_le_bytes(*len) as usize)?;
        let (len, after) = after.split_first_chunk::<4>()?;
        let (stream_len, after) = after.split_first_chunk::<4>()?;
        let (stream, after) = after.split_at_checked(u32::from_le_bytes(*stream_len) as usize)?;
        rest = after;
        Some(Frame { id: std::str::from_utf8(id).ok()?, len: u32::from_le_bytes(*len) as usize, stream })
    })
}

/// Inflates records after the catalog's dictionary: the dictionary sits at the front of one
/// buffer, each record is written after it (where its stream's back references expect it).
struct RecordInflater {
    buffer: Vec<u8>,
    dictionary: usize,
    state: Box<miniz_oxide::inflate::core::DecompressorOxide>,
}

impl RecordInflater {
    fn new() -> RecordInflater {
        static DICTIONARY: OnceLock<Vec<u8>> = OnceLock::new();
        let buffer = DICTIONARY.get_or_init(|| inflate(EMBEDDED_DICTIONARY)).clone();
        RecordInflater { dictionary: buffer.len(), buffer, state: Box::default() }
    }

    /// The record's bytes, or None for a stream that does not inflate to its framed length.
    fn inflate(&mut self, frame: &Frame<'_>) -> Option<&[u8]> {
        use miniz_oxide::inflate::core::{decompress, inflate_flags};
        if frame.len > MAX_RECORD {
            return None;
        }
        self.buffer.resize(self.dictionary + frame.len, 0);
        self.state.init();
        let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
        let (status, _, written) = decompress(&mut self.state, frame.stream, &mut self.buffer, self.dictionary, flags);
        (status == miniz_oxide::inflate::TINFLStatus::Done && written == frame.len)
            .then(|| &self.buffer[self.dictionary..])
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
        for (id, len, stream) in [("a", 7u32, &b"xy"[..]), ("b", 3, &b"z"[..])] {
            bytes.extend_from_slice(&(id.len() as u16).to_le_bytes());
            bytes.extend_from_slice(id.as_bytes());
            bytes.extend_from_slice(&len.to_le_bytes());
            bytes.extend_from_slice(&(stream.len() as u32).to_le_bytes());
            bytes.extend_from_slice(stream);
        }
        let frames: Vec<_> = framed_records(&bytes).map(|f| (f.id, f.len, f.stream)).collect();
        assert_eq!(frames, [("a", 7, &b"xy"[..]), ("b", 3, &b"z"[..])]);
        for cut in 0..bytes.len() {
            assert!(framed_records(&bytes[..cut]).count() < 2, "cut at {cut}");
        }
    }

    #[test]
    fn a_corrupt_or_oversized_record_is_none_not_a_panic() {
        let mut inflater = RecordInflater::new();
        assert!(inflater.inflate(&Frame { id: "x", len: 10, stream: b"\xff\xfe garbage" }).is_none());
        assert!(inflater.inflate(&Frame { id: "x", len: MAX_RECORD + 1, stream: b"" }).is_none());
        // A stream that inflates to fewer bytes than its frame says is refused too.
        let frame = framed_records(EMBEDDED_RECORDS).next().unwrap();
        assert!(inflater.inflate(&Frame { len: frame.len + 1, ..frame }).is_none());
        assert!(inflater.inflate(&framed_records(EMBEDDED_RECORDS).next().unwrap()).is_some());
    }
}
