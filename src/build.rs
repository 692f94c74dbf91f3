//! Compiles `src/catalog/services/*.toml` into deflated postcard records embedded in the engine, so
//! the extension never parses TOML at run time. The catalog is mostly prose: deflate keeps the
//! wasm about 530 KB smaller, and deflating each record on its own (against a shared
//! dictionary) lets a card inflate its record alone. Full checks are `unscored catalog lint`;
//! here a record that does not even parse stops the build with its file name and the reason.

#[allow(dead_code)]
#[path = "catalog/record.rs"]
mod record;

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("src/catalog/services");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    entries.sort();
    let mut records = Vec::with_capacity(entries.len());
    for path in &entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        match toml::from_str::<record::Record>(&text) {
            Ok(r) => records.push(r),
            Err(e) => panic!("{}: {e}\n(run `cargo run -- catalog lint` for all problems)", path.display()),
        }
    }
    // Each record deflated on its own, so one card's prose inflates without the rest of the
    // catalog (a woken background draws one card). Alone, records compress half as well; a
    // preset dictionary of catalog text, which each record's stream may refer back into, keeps
    // nearly all of the whole catalog's ratio. The dictionary ships deflated; per record:
    // `u16` id length, id, `u32` record length, `u32` stream length, stream; little-endian.
    let encoded: Vec<Vec<u8>> = records
        .iter()
        .map(|r| {
            let record = postcard::to_allocvec(r).expect("catalog record serialises");
            let back: record::Record = postcard::from_bytes(&record).expect("catalog record decodes");
            assert!(&back == r, "catalog record {} does not round-trip", r.id);
            record
        })
        .collect();
    let dictionary = dictionary_of(&encoded);
    let primed = primed_compressor(&dictionary);
    let mut bytes = Vec::new();
    for (r, record) in records.iter().zip(&encoded) {
        let stream = deflate_after_dictionary(primed.clone(), record);
        let mut out = dictionary.clone();
        out.resize(dictionary.len() + record.len(), 0);
        let mut inflater = miniz_oxide::inflate::core::DecompressorOxide::new();
        let flags = miniz_oxide::inflate::core::inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
        let (status, _, written) =
            miniz_oxide::inflate::core::decompress(&mut inflater, &stream, &mut out, dictionary.len(), flags);
        assert!(
            status == miniz_oxide::inflate::TINFLStatus::Done
                && out[dictionary.len()..dictionary.len() + written] == record[..],
            "catalog record {} does not survive deflate",
            r.id
        );
        bytes.extend_from_slice(&u16::try_from(r.id.len()).expect("id length").to_le_bytes());
        bytes.extend_from_slice(r.id.as_bytes());
        bytes.extend_from_slice(&u32::try_from(record.len()).expect("record length").to_le_bytes());
        bytes.extend_from_slice(&u32::try_from(stream.len()).expect("stream length").to_le_bytes());
        bytes.extend_from_slice(&stream);
    }
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join("catalog.records"), &bytes).unwrap();
    fs::write(
        Path::new(&out_dir).join("catalog.dictionary.deflate"),
        miniz_oxide::deflate::compress_to_vec(&dictionary, 10),
    )
    .unwrap();
    // What detection needs of each record (names, domains, patterns), apart: the background
    // builds its engine from these and decodes the prose only when a card or consent screen
    // needs it.
    let rules: Vec<record::Record> = records.iter().map(rules_only).collect();
    let bytes = postcard::to_allocvec(&rules).expect("catalog rules serialise");
    let out = Path::new(&out_dir).join("catalog-rules.postcard.deflate");
    fs::write(&out, miniz_oxide::deflate::compress_to_vec(&bytes, 10)).unwrap();
    let version = catalog_version(&entries);
    println!("cargo:rustc-env=UNSCORED_CATALOG_VERSION={version}");
}

/// Deflate looks back at most 32 KB: the dictionary is the catalog's first 32 KB (records in
/// file order, services of every kind), which keeps the per-record streams and the dictionary
/// within 8% of one stream's size; a slice of every record, or of every twentieth, did no better.
fn dictionary_of(records: &[Vec<u8>]) -> Vec<u8> {
    const WINDOW: usize = 32 * 1024;
    let mut dictionary = records.concat();
    dictionary.truncate(WINDOW);
    dictionary
}

/// A compressor that has seen the dictionary and flushed to a byte boundary (a sync flush keeps
/// what it has seen): what it writes next is a stream that inflates after the dictionary.
fn primed_compressor(dictionary: &[u8]) -> miniz_oxide::deflate::core::CompressorOxide {
    use miniz_oxide::deflate::core::{compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush};
    let mut compressor = CompressorOxide::new(create_comp_flags_from_zip_params(10, 0, 0));
    let mut sink = vec![0; dictionary.len() * 2 + 64];
    let (_, read, _) = compress(&mut compressor, dictionary, &mut sink, TDEFLFlush::Sync);
    assert_eq!(read, dictionary.len(), "dictionary not taken whole");
    compressor
}

fn deflate_after_dictionary(mut compressor: miniz_oxide::deflate::core::CompressorOxide, data: &[u8]) -> Vec<u8> {
    use miniz_oxide::deflate::core::{compress, TDEFLFlush, TDEFLStatus};
    let mut out = vec![0; data.len() * 2 + 1024];
    let (status, read, written) = compress(&mut compressor, data, &mut out, TDEFLFlush::Finish);
    assert!(status == TDEFLStatus::Done && read == data.len(), "catalog record does not deflate in one call");
    out.truncate(written);
    out
}

/// The record with its prose and sources left out.
fn rules_only(r: &record::Record) -> record::Record {
    record::Record {
        id: r.id.clone(),
        name: r.name.clone(),
        category: r.category.clone(),
        status: r.status.clone(),
        defunct_since: None,
        data_disposal: None,
        domains: r.domains.clone(),
        description: String::new(),
        owner: None,
        last_checked: String::new(),
        // The engine reads the patterns; their citations and examples are for `catalog lint`
        // and the cards, and would only be decoded and dropped by every woken background.
        profile_pages: r.profile_pages.as_ref().map(|p| record::ProfilePages {
            patterns: p
                .patterns
                .iter()
                .map(|x| record::ProfilePattern {
                    pattern: x.pattern.clone(),
                    seen: Vec::new(),
                    name_search: x.name_search,
                })
                .collect(),
            exclude: p.exclude.clone(),
            confirm_selectors: p.confirm_selectors.clone(),
            examples: Vec::new(),
            search_examples: Vec::new(),
            not_examples: Vec::new(),
            sources: Vec::new(),
        }),
        widgets: r.widgets.as_ref().map(|w| record::Widgets {
            embeds: w.embeds.clone(),
            score_links: w.score_links.clone(),
            filters: w.filters.clone(),
            examples: Vec::new(),
            sources: Vec::new(),
        }),
        score: None,
        provenance: record::Provenance {
            data_sources: Vec::new(),
            profiles_non_users: String::new(),
            consent_model: String::new(),
            notes: None,
            sources: Vec::new(),
        },
        permissions: Vec::new(),
        opt_out: record::OptOut {
            available: String::new(),
            url: None,
            methods: Vec::new(),
            requirements: Vec::new(),
            steps: Vec::new(),
            processing_time: String::new(),
            caveats: Vec::new(),
            deletion_url: None,
            privacy_email: None,
            difficulty: String::new(),
            sources: Vec::new(),
        },
        sources: Vec::new(),
    }
}

/// `YYYY-MM-DD.<hash>`: newest last-checked date, plus a hash of the contents, so two
/// different catalogs never share a version.
fn catalog_version(paths: &[std::path::PathBuf]) -> String {
    let mut hash: u64 = 0xcbf29ce484222325;
    let mut newest = String::new();
    for p in paths {
        let text = fs::read(p).unwrap_or_default();
        for b in text.iter() {
            hash = (hash ^ *b as u64).wrapping_mul(0x100000001b3);
        }
        if let Some(date) = String::from_utf8_lossy(&text)
            .lines()
            .find_map(|l| l.strip_prefix("last_checked = \"").map(|d| d.trim_end_matches('"').to_string()))
        {
            if date > newest {
                newest = date;
            }
        }
    }
    format!("{newest}.{:08x}", hash as u32)
}
