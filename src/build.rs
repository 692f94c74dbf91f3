//! Compiles `src/catalog/services/*.toml` into deflated postcard records embedded in the engine, so
//! the extension never parses TOML at run time. The catalog is mostly prose, so deflate keeps
//! the wasm about 230 KB smaller for a one-off ~1 ms inflate when the background starts. Full checks are `unscored catalog lint`; here a
//! record that does not even parse stops the build with its file name and the reason.

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
    // Each record encoded on its own behind its id and length, so one record can be decoded
    // without the others (a woken background needs one card's prose, not the catalog's):
    // per record `u16` id length, id, `u32` record length, postcard record; little-endian.
    let mut bytes = Vec::new();
    for r in &records {
        let record = postcard::to_allocvec(r).expect("catalog record serialises");
        let back: record::Record = postcard::from_bytes(&record).expect("catalog record decodes");
        assert!(&back == r, "catalog record {} does not round-trip", r.id);
        bytes.extend_from_slice(&u16::try_from(r.id.len()).expect("id length").to_le_bytes());
        bytes.extend_from_slice(r.id.as_bytes());
        bytes.extend_from_slice(&u32::try_from(record.len()).expect("record length").to_le_bytes());
        bytes.extend_from_slice(&record);
    }
    let deflated = miniz_oxide::deflate::compress_to_vec(&bytes, 10);
    let inflated = miniz_oxide::inflate::decompress_to_vec(&deflated).expect("embedded catalog inflates");
    assert!(inflated == bytes, "embedded catalog does not survive deflate");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("catalog.postcard.deflate");
    fs::write(&out, deflated).unwrap();
    // What detection needs of each record (names, domains, patterns), apart: the background
    // builds its engine from these and decodes the prose only when a card or consent screen
    // needs it.
    let rules: Vec<record::Record> = records.iter().map(rules_only).collect();
    let bytes = postcard::to_allocvec(&rules).expect("catalog rules serialise");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("catalog-rules.postcard.deflate");
    fs::write(&out, miniz_oxide::deflate::compress_to_vec(&bytes, 10)).unwrap();
    let version = catalog_version(&entries);
    println!("cargo:rustc-env=UNSCORED_CATALOG_VERSION={version}");
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
