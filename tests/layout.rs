//! Keeps the project's shape honest: the fixed top level, an engine free of browser code, thin
//! JS loaders, and every file the manifest or a page names actually there.

use std::fs;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// What the top level may hold (besides what `.gitignore` keeps out of the repository).
const TOP_LEVEL: &[&str] = &[
    ".ci",
    ".git",
    ".gitignore",
    ".rustfmt.toml",
    "Cargo.lock",
    "Cargo.toml",
    "README.md",
    "build.sh",
    "extension",
    "manifest.json",
    "src",
    "tests",
];
const IGNORED: &[&str] = &["target", "dist", ".tools"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Top-level names of the files git tracks (and of new files git would add); without git,
/// what the folder holds.
fn top_level_names() -> Vec<String> {
    let listed = std::process::Command::new("git")
        .args(["ls-files", "--cached", "--others", "--exclude-standard"])
        .current_dir(ROOT)
        .output()
        .ok()
        .filter(|o| o.status.success());
    let mut names: Vec<String> = match listed {
        Some(o) => {
            String::from_utf8_lossy(&o.stdout).lines().filter_map(|l| l.split('/').next()).map(String::from).collect()
        }
        None => fs::read_dir(ROOT).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect(),
    };
    names.sort();
    names.dedup();
    names
}

#[test]
fn top_level_is_the_fixed_shape() {
    let names = top_level_names();
    let strays: Vec<&String> =
        names.iter().filter(|n| !TOP_LEVEL.contains(&n.as_str()) && !IGNORED.contains(&n.as_str())).collect();
    assert!(strays.is_empty(), "not part of the project's fixed top level: {strays:?}");
    for needed in ["Cargo.toml", "src", "extension", "manifest.json", "build.sh", "tests", "README.md"] {
        assert!(names.iter().any(|n| n == needed), "{needed} is missing from the top level");
    }
}

/// The engine builds natively and powers the CLI: browser APIs live in `src/wasm/` only.
#[test]
fn engine_has_no_browser_code() {
    let src = Path::new(ROOT).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let glue = [src.join("wasm.rs"), src.join("wasm")];
    let mut offenders = Vec::new();
    for file in files.iter().filter(|f| !glue.iter().any(|g| f.starts_with(g))) {
        let text = fs::read_to_string(file).unwrap();
        for word in ["web_sys", "js_sys", "wasm_bindgen", "serde_wasm_bindgen"] {
            if text.contains(&format!("{word}::")) || text.contains(&format!("use {word}")) {
                offenders.push(format!("{} uses {word}", file.strip_prefix(ROOT).unwrap().display()));
            }
        }
    }
    assert!(offenders.is_empty(), "browser code outside src/wasm/: {offenders:?}");
    assert!(files.len() > 20, "only {} Rust files found under src/", files.len());
}

/// Pages and the background are Rust; their JS files only load the wasm.
#[test]
fn js_loaders_stay_thin() {
    for name in ["background.js", "popup.js", "options.js"] {
        let text = fs::read_to_string(Path::new(ROOT).join("extension").join(name)).unwrap();
        let code_lines = text.lines().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("//")).count();
        assert!(code_lines <= 20, "extension/{name} has {code_lines} lines of code: logic belongs in src/wasm/");
    }
}

/// Each page is one feature: its HTML loads its own script and its own stylesheet, beside it.
#[test]
fn every_page_has_its_script_and_style_beside_it() {
    let ext = Path::new(ROOT).join("extension");
    for page in ["popup", "options"] {
        let html = fs::read_to_string(ext.join(format!("{page}.html"))).unwrap();
        for (attr, file) in [("src", format!("{page}.js")), ("href", format!("{page}.css"))] {
            assert!(html.contains(&format!("{attr}=\"{file}\"")), "{page}.html does not load {file}");
            assert!(ext.join(&file).is_file(), "extension/{file} is missing");
        }
        assert!(!html.contains("<script>") && !html.contains("style="), "{page}.html has inline code or style (CSP)");
    }
}

/// Every file the manifest names is in `extension/` (or made by `build.sh`: the wasm and its glue).
#[test]
fn manifest_names_only_files_that_exist() {
    let manifest = fs::read_to_string(Path::new(ROOT).join("manifest.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let mut named = Vec::new();
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s)
                if [".js", ".html", ".png", ".css"].iter().any(|ext| s.ends_with(ext)) && !s.contains('*') =>
            {
                out.push(s.clone())
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    walk(&json, &mut named);
    assert!(named.len() >= 8, "too few files found in the manifest: {named:?}");
    for file in named {
        assert!(
            Path::new(ROOT).join("extension").join(&file).is_file(),
            "manifest.json names {file}, not in extension/"
        );
    }
}
