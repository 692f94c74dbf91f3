#!/usr/bin/env bash
# Unscored build script. Usage: ./build.sh [build|package|demo|test|bench|help]
#
# Installs what it needs when missing (wasm target, wasm-bindgen-cli at the Cargo.lock
# version and geckodriver into ./.tools, npm build tools from tests/tools/package-lock.json, and
# Debian's chromium, chromium-driver and firefox-esr when run as root), and says which
# piece is missing when it cannot.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
TOOLS="$ROOT/.tools"
DIST="$ROOT/dist/unscored"
PKG="$ROOT/dist"
WASM_TARGET=wasm32-unknown-unknown
GECKODRIVER_VERSION=0.37.1
NODE_TOOLS="$ROOT/tests/tools"
export PATH="$TOOLS/bin:$NODE_TOOLS/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is missing: $2"; }

lock_version() { # version of a crate in Cargo.lock
  awk -v n="$1" '$0 == "name = \"" n "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_rust() {
  need cargo "install Rust from https://rustup.rs (rustup), then run this again"
  need rustup "the wasm target is installed with rustup; install Rust through rustup"
  if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
    say "adding the $WASM_TARGET target"
    rustup target add "$WASM_TARGET" || die "could not add the $WASM_TARGET target (rustup target add $WASM_TARGET)"
  fi
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want; want="$(lock_version wasm-bindgen)"
  [ -n "$want" ] || die "Cargo.lock names no wasm-bindgen version"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "installing wasm-bindgen-cli $want into .tools (about 2 minutes, once)"
    # Not --locked: its lock file pins a crate version the registry no longer serves.
    cargo install wasm-bindgen-cli --version "$want" --root "$TOOLS" --force \
      || die "could not install wasm-bindgen-cli $want (cargo install wasm-bindgen-cli --version $want)"
  fi
}

ensure_node_tools() {
  need npm "install Node.js 18+ with npm (Debian: apt-get install nodejs npm)"
  local modules="$NODE_TOOLS/node_modules"
  if [ ! -x "$modules/.bin/wasm-opt" ] || [ ! -x "$modules/.bin/web-ext" ] || [ "$NODE_TOOLS/package-lock.json" -nt "$modules" ]; then
    say "installing build tools from tests/tools/package-lock.json (binaryen, web-ext)"
    npm ci --prefix "$NODE_TOOLS" --no-audit --no-fund --loglevel=error \
      || die "npm ci failed: binaryen and web-ext are needed for wasm-opt and web-ext lint"
    touch "$modules"
  fi
}

ensure_browsers() {
  local missing=()
  [ -x /usr/lib/chromium/chromium ] || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      say "installing ${missing[*]} from Debian"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
        || die "apt-get could not install ${missing[*]}"
    else
      die "missing browsers: ${missing[*]}. Install them (Debian: sudo apt-get install ${missing[*]}) and run this again"
    fi
  fi
  if [ "$(geckodriver --version 2>/dev/null | awk 'NR==1{print $2}')" != "$GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION into .tools (about 2 minutes, once)"
    cargo install --locked geckodriver --version "$GECKODRIVER_VERSION" --root "$TOOLS" --force \
      || die "could not install geckodriver (cargo install --locked geckodriver)"
  fi
}

# The extensions the page-load benchmark compares with (Manifest V2: Firefox only). Only the
# bench installs them; without root it runs without them and says so.
# twiggy reads what the wasm is made of (bench only).
TWIGGY_VERSION=0.8.0
ensure_twiggy() {
  if [ "$(twiggy --version 2>/dev/null | awk '{print $2}')" != "$TWIGGY_VERSION" ]; then
    say "installing twiggy $TWIGGY_VERSION into .tools (about 2 minutes, once)"
    cargo install twiggy --locked --version "$TWIGGY_VERSION" --root "$TOOLS" --force \
      || die "could not install twiggy $TWIGGY_VERSION (cargo install twiggy --version $TWIGGY_VERSION)"
  fi
}

# Sizes per crate of the wasm before wasm-opt (which keeps names), code and data apart.
wasm_breakdown() {
  twiggy top -n 1000000 --format csv "$ROOT/target/$WASM_TARGET/release/unscored.wasm" | node -e '
    const rows = require("fs").readFileSync(0, "utf8").trim().split("\n").slice(1);
    const sizes = new Map();
    let data = 0, custom = 0;
    for (const line of rows) {
      const m = line.match(/^(".*"|[^,]*),(\d+),/);
      if (!m) continue;
      const name = m[1].replace(/^"|"$/g, "").replace(/""/g, "\""), bytes = Number(m[2]);
      if (/^data segment/.test(name)) { data += bytes; continue; }
      // Descriptors wasm-bindgen reads and strips: not in the shipped wasm.
      if (/subsection|custom section|__wbindgen_describe/.test(name)) { custom += bytes; continue; }
      // "<T as alloc::string::ToString>::…": the trait'"'"'s crate; "<str>::…": core.
      const path = (name.match(/^<[^<>]*? as ([A-Za-z_][A-Za-z0-9_]*)/) || [])[1]
        || (/^<(&?(str|char|bool|[iuf](8|16|32|64|128|size)))>::/.test(name) ? "core" : null)
        || (name.replace(/^[<&(*\s]+/, "").match(/^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/) || [])[1];
      const crate = path || "(glue, tables)";
      sizes.set(crate, (sizes.get(crate) || 0) + bytes);
    }
    const code = [...sizes.values()].reduce((a, b) => a + b, 0);
    const kb = (n) => (n / 1024).toFixed(0);
    console.log(`wasm_code_before_wasm_opt\t${kb(code)}\tKB`);
    console.log(`wasm_data_before_wasm_opt\t${kb(data)}\tKB (catalog, scope tables, strings)`);
    for (const [crate, bytes] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 12))
      console.log(`  code_of_${crate}\t${kb(bytes)}\tKB`);
  '
}

ensure_bench_extensions() {
  local missing=()
  [ -f /usr/share/webext/privacy-badger/manifest.json ] || missing+=(webext-privacy-badger)
  [ -d "/usr/share/mozilla/extensions/{ec8030f7-c20a-464f-9b0e-13a3a9e97384}/uBlock0@raymondhill.net" ] || missing+=(webext-ublock-origin-firefox)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing ${missing[*]} from Debian for the comparison"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || say "could not install ${missing[*]}: the comparison runs without them"
  else
    say "not root: the comparison runs without ${missing[*]} (sudo apt-get install ${missing[*]})"
  fi
}

human() { numfmt --to=iec --suffix=B "$1" 2>/dev/null || echo "$1 B"; }

# Writes the engine's page plan for the default settings into the built content script, so an
# ordinary page is scanned without reading storage first (see shipped_page_plan in
# src/wasm/background.rs). The wasm is run in Node, as the browser would run it.
ship_page_plan() {
  local glue; glue="$(mktemp -d)/unscored.mjs"
  cp "$DIST/unscored.js" "$glue"
  node --input-type=module -e '
    const [glue, dist] = process.argv.slice(1);
    const fs = await import("node:fs");
    const { initSync, shipped_page_plan } = await import(glue);
    initSync({ module: fs.readFileSync(`${dist}/unscored_bg.wasm`) });
    const plan = shipped_page_plan();
    if (!plan || !plan.plan || !Array.isArray(plan.hosts)) throw new Error("the engine gave no page plan");
    const file = `${dist}/content.js`, marker = "const SHIPPED_PAGE_PLAN = null;";
    const text = fs.readFileSync(file, "utf8");
    if (text.split(marker).length !== 2) throw new Error(`content.js must hold "${marker}" once`);
    fs.writeFileSync(file, text.replace(marker, () => `const SHIPPED_PAGE_PLAN = ${JSON.stringify(plan)};`));
  ' "$glue" "$DIST" || die "could not write the shipped page plan into content.js"
  rm -rf "$(dirname "$glue")"
}

build() {
  ensure_rust
  ensure_node_tools
  say "building the wasm engine (release)"
  cargo build --release --lib --target "$WASM_TARGET"
  local raw="target/$WASM_TARGET/release/unscored.wasm"
  rm -rf "$DIST" && mkdir -p "$DIST"
  wasm-bindgen "$raw" --target web --out-dir "$DIST" --out-name unscored --no-typescript
  local bound="$DIST/unscored_bg.wasm"
  local bound_size; bound_size=$(stat -c %s "$bound")
  wasm-opt -Oz "$bound" -o "$bound.opt" && mv "$bound.opt" "$bound"
  cp manifest.json "$DIST/"
  cp -r extension/. "$DIST/"
  ship_page_plan
  local opt gz total
  opt=$(stat -c %s "$bound")
  gz=$(gzip -9c "$bound" | wc -c)
  total=$(du -sb "$DIST" | cut -f1)
  say "built $DIST"
  printf '  %-28s %10s\n' "raw wasm (cargo)" "$(human "$(stat -c %s "$raw")")" \
    "after wasm-bindgen" "$(human "$bound_size")" \
    "after wasm-opt -Oz" "$(human "$opt")" \
    "gzipped" "$(human "$gz")" \
    "whole extension folder" "$(human "$total")"
}

package() {
  need zip "it packs the Chrome zip and the Firefox xpi (Debian: apt-get install zip)"
  build
  local version; version=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' manifest.json | head -1)
  mkdir -p "$PKG"
  rm -f "$PKG"/unscored-*.zip "$PKG"/unscored-*.xpi
  (cd "$DIST" && zip -qr -X "$PKG/unscored-$version-chrome.zip" .)
  (cd "$DIST" && zip -qr -X "$PKG/unscored-$version-firefox.xpi" .)
  say "packages:"
  ls -l "$PKG"/unscored-"$version"-*
}

lint_extension() {
  say "web-ext lint"
  local report; report=$(mktemp)
  web-ext lint --source-dir "$DIST" --output json --no-input >"$report" 2>/dev/null || true
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const expected = new Set(["BACKGROUND_SERVICE_WORKER_IGNORED"]);
    const bad = [...r.errors, ...r.warnings.filter((w) => !expected.has(w.code))];
    for (const m of [...r.errors, ...r.warnings, ...r.notices]) console.log(`  ${m._type} ${m.code}: ${m.message} ${m.file || ""}`);
    console.log(`web-ext lint: ${r.count} messages, ${r.summary.errors} errors, ${r.summary.warnings} warnings`);
    process.exit(bad.length ? 1 : 0);
  ' "$report" || die "web-ext lint reported errors or unexpected warnings"
}

browser_env() {
  export UNSCORED_DIST="$DIST"
  export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
  export GECKODRIVER="${GECKODRIVER:-$(command -v geckodriver)}"
}

run_tests() {
  ensure_rust
  say "native tests"
  cargo test
  build
  lint_extension
  ensure_browsers
  browser_env
  say "real-browser tests (Chromium and Firefox ESR)"
  cargo test --features browser-tests --test browser -- --test-threads=1
  say "all tests passed"
}

demo() {
  build
  ensure_browsers
  browser_env
  export UNSCORED_DEMO_OUT="$ROOT/dist/demo.png"
  if [ -n "${DISPLAY:-}" ] && [ -z "${CI:-}" ]; then
    export UNSCORED_DEMO_HEADED=1
    say "opening Chromium with Unscored on the demo page (close the window to stop)"
  else
    say "no display: running headless and saving a screenshot"
  fi
  cargo test --features browser-tests --test browser -- --ignored --exact demo --nocapture
  [ -n "${UNSCORED_DEMO_HEADED:-}" ] || say "screenshots: $UNSCORED_DEMO_OUT (the annotated demo page), ${UNSCORED_DEMO_OUT%.png}-popup.png (its toolbar popup), ${UNSCORED_DEMO_OUT%.png}-options.png (the options page)"
}

bench() {
  build
  ensure_browsers
  browser_env
  local out="$ROOT/dist/bench.txt" rows; rows=$(mktemp)
  say "native benchmarks (criterion)"
  cargo bench --bench engine
  for id in classify_url plan_per_page_load engine_findings_10k_page engine_build catalog_inflate_decode catalog_inflate_decode_one_record catalog_rules_inflate_decode engine_build_from_rules; do
    node -e 'const e = require(process.argv[1]); console.log(`native_${process.argv[2]}\t${(e.median.point_estimate / 1000).toFixed(3)}\tµs`)' \
      "$ROOT/target/criterion/$id/new/estimates.json" "$id" >>"$rows"
  done
  say "wasm and content-script benchmarks in headless Chromium"
  UNSCORED_BENCH_OUT="$rows" cargo test --features browser-tests --test browser -- --ignored --exact bench --nocapture
  ensure_bench_extensions
  say "page-load cost side by side: no extension, Unscored, Privacy Badger, uBlock Origin (a few minutes)"
  UNSCORED_BENCH_OUT="$rows" cargo test --features browser-tests --test browser -- --ignored --exact bench_side_by_side --nocapture
  printf 'wasm_size_after_wasm_opt\t%s\tKB\n' "$(( $(stat -c %s "$DIST/unscored_bg.wasm") / 1024 ))" >>"$rows"
  printf 'wasm_size_gzipped\t%s\tKB\n' "$(( $(gzip -9c "$DIST/unscored_bg.wasm" | wc -c) / 1024 ))" >>"$rows"
  # The catalog's embedded files: its records (each deflated against the dictionary), the
  # dictionary, and the rules-only copy a woken background decodes.
  local catalog; catalog=$(dirname "$(ls -t "$ROOT"/target/$WASM_TARGET/release/build/unscored-*/out/catalog.records | head -1)")
  printf 'of_which_catalog_data\t%s\tKB (records, dictionary, rules)\n' \
    "$(( $(cat "$catalog/catalog.records" "$catalog/catalog.dictionary.deflate" "$catalog/catalog-rules.postcard.deflate" | wc -c) / 1024 ))" >>"$rows"
  ensure_twiggy
  wasm_breakdown >>"$rows"
  {
    echo "Unscored benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
    echo "targets: wasm_classify_url <= 1 µs; engine on a 10,000-element page <= 2 ms; wasm <= 200 KB after wasm-opt"
    printf '%-40s %12s  %s\n' measure value unit
    while IFS=$'\t' read -r name value unit; do
      case "$name" in
        '#'*) printf '%s\n' "$name" ;;
        *) printf '%-40s %12s  %s\n' "$name" "$value" "$unit" ;;
      esac
    done <"$rows"
  } | tee "$out"
  say "written to $out"
}

case "${1:-build}" in
  build) build ;;
  package) package ;;
  demo) demo ;;
  test) run_tests ;;
  bench) bench ;;
  help|-h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command ${1}: use build, package, demo, test, bench or help" ;;
esac
