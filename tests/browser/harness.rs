//! Real browsers for the tests: Debian's Chromium through chromedriver and Firefox ESR through
//! geckodriver, each spawned on a free loopback port with the built extension loaded, plus a
//! tiny HTTP server for the fixture pages. Everything stays on 127.0.0.1.

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const STRICT_CSP: &str = "default-src 'self'; script-src 'self'";
const FIREFOX_UUID: &str = "3b0c5e6e-7d7a-4f5e-9a43-5c1b1d2f0a11";
const GECKO_ID: &str = "unscored@unscored.invalid";

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Browser {
    Chromium,
    Firefox,
}

pub fn dist() -> PathBuf {
    let dir = std::env::var("UNSCORED_DIST").unwrap_or_else(|_| "dist/unscored".into());
    let dir = std::fs::canonicalize(&dir)
        .unwrap_or_else(|_| panic!("built extension not found at {dir}: run ./build.sh first (or ./build.sh test)"));
    assert!(dir.join("manifest.json").exists(), "{} has no manifest.json: run ./build.sh", dir.display());
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Serves `tests/fixtures/pages`. `/csp/<file>` serves the same file with a strict CSP.
pub struct Server {
    pub port: u16,
}

/// Routes of the TLS server that plays real sites (identity providers, a people-search
/// site): path → fixture file.
const PROVIDER_ROUTES: &[(&str, &str)] = &[
    ("/oauth/authenticate", "consent-x-oauth1.html"),
    ("/John-Smith/California/Los-Angeles", "profile-spokeo.html"),
    ("/grow.js", "grow.js"),
    ("/search", "spa-spokeo.html"),
    ("/spa.js", "spa.js"),
    ("/zi-lite/", "spa-zoominfo.html"),
    ("/web/20130601000000/http://klout.com/janedoe", "archived-klout-profile.html"),
];

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                std::thread::spawn(move || serve(stream, false));
            }
        });
        Server { port }
    }

    /// An https server for real provider host names (mapped to 127.0.0.1 in the browsers),
    /// with a self-signed certificate the WebDriver sessions accept. Every page gets a
    /// strict CSP, as the real consent screens do.
    pub fn start_tls(hosts: &[&str]) -> Server {
        let names: Vec<String> = hosts.iter().map(|h| h.to_string()).collect();
        let key = rcgen::generate_simple_self_signed(names).expect("self-signed certificate");
        let der = rustls::pki_types::PrivateKeyDer::Pkcs8(key.signing_key.serialize_der().into());
        let config = rustls::ServerConfig::builder()
            .with_no_client_auth()
            .with_single_cert(vec![key.cert.der().clone()], der)
            .expect("TLS configuration");
        let config = std::sync::Arc::new(config);
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let config = config.clone();
                std::thread::spawn(move || {
                    if let Ok(conn) = rustls::ServerConnection::new(config) {
                        serve(rustls::StreamOwned::new(conn, stream), true);
                    }
                });
            }
        });
        Server { port }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}/{}", self.port, path.trim_start_matches('/'))
    }
}

fn serve<S: std::io::Read + Write>(stream: S, provider: bool) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split('?').next().unwrap_or("/");
    // A real-material corpus row, served at its own path: `/user/jane?rw=12`. The page's own
    // query follows (`/users?rw=12&section=sort-reputation`).
    let own = |n: &str| n.split('&').next().unwrap_or("").to_string();
    let row = target.split_once("?rw=").and_then(|(_, n)| own(n).parse::<usize>().ok());
    // A detection fixture, served at its page's own path: `/freelancers/jdoe?case=NAME`.
    let case = target.split_once("?case=").map(|(_, n)| own(n));
    let (csp, file) = if provider {
        (true, PROVIDER_ROUTES.iter().find(|(p, _)| *p == path).map(|(_, f)| *f).unwrap_or("missing"))
    } else {
        match path.strip_prefix("/csp/") {
            Some(rest) => (true, rest),
            None => (false, path.trim_start_matches('/')),
        }
    };
    let file = if file.is_empty() { "index.html" } else { file };
    // Corpus rows are judged as saved: their scripts stay inert, as in the native reader.
    let csp = csp || row.is_some();
    let body = match file.strip_prefix("case/") {
        _ if row.is_some() => {
            realworld_rows().get(row.unwrap_or_default()).and_then(|r| r.document()).map(String::into_bytes)
        }
        _ if case.is_some() => detect_case(case.as_deref().unwrap_or_default()).map(|c| c.html.into_bytes()),
        Some(name) => detect_case(name).map(|c| c.html.into_bytes()),
        None if file == "bench-10k.html" => Some(crate::bench_page::ten_thousand_element_page().into_bytes()),
        None if file == "bench-article.html" => Some(crate::bench_page::article_page().into_bytes()),
        None if file == "bench-frames.html" => Some(crate::bench_page::frames_page().into_bytes()),
        None if file == "bench-feed.html" => Some(crate::bench_page::feed_page().into_bytes()),
        None if file == "hostile-100k.html" => Some(hundred_thousand_elements().into_bytes()),
        None if file.contains("..") => None,
        None => std::fs::read(root.join(file)).ok(),
    };
    let file = if row.is_some() || case.is_some() || file.starts_with("case/") || file.starts_with("bench") {
        "generated.html"
    } else {
        file
    };
    let (status, body) = match body {
        Some(b) => ("200 OK", b),
        None => ("404 Not Found", b"not found".to_vec()),
    };
    let kind = match file.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("css") => "text/css",
        _ => "application/octet-stream",
    };
    let csp_header = if csp { format!("Content-Security-Policy: {STRICT_CSP}\r\n") } else { String::new() };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{csp_header}Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let stream = reader.get_mut();
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
    let _ = stream.flush();
}

/// One case of `tests/fixtures/detect/cases.toml`.
#[derive(serde::Deserialize, Clone, Debug)]
pub struct DetectCase {
    pub name: String,
    pub url: String,
    #[serde(default)]
    pub html: String,
    pub expect: Vec<String>,
}

#[derive(serde::Deserialize)]
struct DetectCases {
    case: Vec<DetectCase>,
}

pub fn detect_cases() -> Vec<DetectCase> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/detect/cases.toml");
    let text = std::fs::read_to_string(path).expect("cases.toml");
    toml::from_str::<DetectCases>(&text).expect("cases.toml parses").case
}

/// The rows of `tests/realworld/`, loaded once.
pub fn realworld_rows() -> &'static [crate::corpus::Row] {
    static ROWS: std::sync::OnceLock<Vec<crate::corpus::Row>> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| crate::corpus::load().unwrap_or_else(|p| panic!("tests/realworld:\n{}", p.join("\n"))))
}

fn detect_case(name: &str) -> Option<DetectCase> {
    detect_cases().into_iter().find(|c| c.name == name)
}

/// One browser with the extension loaded. The driver process dies with it.
pub struct Session {
    pub client: Client,
    pub browser: Browser,
    /// `chrome-extension://<id>/` or `moz-extension://<uuid>/`.
    pub ext_base: String,
    driver: Child,
    _profile: Option<PathBuf>,
}

impl Drop for Session {
    fn drop(&mut self) {
        // A test that failed never closed its browser: stop it with its driver, or browsers
        // pile up run after run.
        stop_tree(&mut self.driver);
        if let Some(p) = &self._profile {
            let _ = std::fs::remove_dir_all(p);
        }
    }
}

#[derive(Debug)]
struct InstallAddon {
    path: String,
}

impl WebDriverCompatibleCommand for InstallAddon {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/moz/addon/install", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({"path": self.path, "temporary": true}).to_string()))
    }
}

/// Unscored's notes: their tag is "unscored-" and letters chosen per install.
pub const NOTES: &str = "//*[starts-with(local-name(), 'unscored-')]";

/// A Chrome DevTools Protocol command through chromedriver.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: serde_json::Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({"cmd": self.cmd, "params": self.params}).to_string()))
    }
}

/// Firefox puts an idle event page to sleep after this long (milliseconds) in sessions that
/// ask for it; the default is 30 s.
pub const FIREFOX_IDLE_MS: u64 = 1000;

pub struct Options {
    /// Firefox only: grant host permissions at install (the default) or withhold them.
    pub grant_hosts: bool,
    pub headed: bool,
    /// Host names the browser resolves to 127.0.0.1 (real provider hosts for consent pages).
    pub local_hosts: Vec<&'static str>,
    /// Firefox only: the event page sleeps after [`FIREFOX_IDLE_MS`] without events.
    pub sleepy_background: bool,
    /// Which extension the browser runs (the benchmark compares others and none).
    pub extension: Extension,
    /// Firefox only: `performance.now()` at full precision (it is rounded to 1 ms otherwise),
    /// for the benchmark's per-document timings.
    pub precise_timers: bool,
}

/// The extension a session runs.
#[derive(Clone, Debug, PartialEq)]
pub enum Extension {
    Unscored,
    None,
    /// Another extension's unpacked folder (Firefox: installed as a temporary add-on).
    Other(PathBuf),
}

impl Default for Options {
    fn default() -> Self {
        Options {
            grant_hosts: true,
            headed: false,
            local_hosts: Vec::new(),
            sleepy_background: false,
            extension: Extension::Unscored,
            precise_timers: false,
        }
    }
}

fn wait_for_port(port: u16, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "{what} did not start listening on port {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn driver_path(var: &str, default: &str) -> String {
    std::env::var(var).ok().filter(|s| !s.is_empty()).unwrap_or_else(|| default.to_string())
}

/// 100,000 elements of ordinary markup (12,500 sections of eight), a Klout badge last.
fn hundred_thousand_elements() -> String {
    let mut html = String::from("<!doctype html><html><head><title>Huge page</title></head><body>");
    for i in 0..12_500 {
        html.push_str(&format!("<section><h3>Item {i}</h3><p>Text <b>bold</b> <a href=\"/i/{i}\">more</a></p><ul><li>a</li><li>b</li></ul></section>"));
    }
    html.push_str("<iframe id=\"badge\" src=\"http://widgets.klout.com/badge/jane\" width=\"120\" height=\"59\"></iframe></body></html>");
    html
}

/// Chromium derives an unpacked extension's id from its absolute path.
fn chromium_extension_id(dir: &Path) -> String {
    let digest = Sha256::digest(dir.to_string_lossy().as_bytes());
    digest.iter().take(16).flat_map(|b| [b >> 4, b & 15]).map(|n| (b'a' + n) as char).collect()
}

pub async fn start(browser: Browser, opts: Options) -> Session {
    let dist = dist();
    let port = free_port();
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    match browser {
        Browser::Chromium => {
            let exe = driver_path("CHROMEDRIVER", "chromedriver");
            let driver = Command::new(&exe)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {exe}: {e} (./build.sh test installs it)"));
            wait_for_port(port, "chromedriver");
            let profile = std::env::temp_dir().join(format!("unscored-chromium-{port}"));
            let mut args = vec![
                "--no-sandbox".to_string(),
                "--disable-gpu".into(),
                "--disable-quic".into(),
                "--no-first-run".into(),
                "--disable-background-networking".into(),
                "--disable-component-update".into(),
                "--disable-sync".into(),
                "--window-size=1280,900".into(),
                format!("--user-data-dir={}", profile.display()),
            ];
            match &opts.extension {
                Extension::Unscored => args.push(format!("--load-extension={}", dist.display())),
                Extension::Other(dir) => args.push(format!("--load-extension={}", dir.display())),
                Extension::None => {}
            }
            if !opts.headed {
                args.push("--headless=new".into());
            }
            if !opts.local_hosts.is_empty() {
                let rules: Vec<String> = opts.local_hosts.iter().map(|h| format!("MAP {h} 127.0.0.1")).collect();
                args.push(format!("--host-resolver-rules={}", rules.join(", ")));
            }
            let caps = json!({
                "acceptInsecureCerts": true,
                "goog:chromeOptions": {"binary": "/usr/lib/chromium/chromium", "args": args}
            });
            let client = ClientBuilder::new(connector)
                .capabilities(caps.as_object().unwrap().clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
                .expect("chromedriver session");
            let ext_base = format!("chrome-extension://{}/", chromium_extension_id(&dist));
            Session { client, browser, ext_base, driver, _profile: Some(profile) }
        }
        Browser::Firefox => {
            let exe = driver_path("GECKODRIVER", "geckodriver");
            let driver = Command::new(&exe)
                .args(["--port", &port.to_string(), "--allow-system-access"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {exe}: {e} (./build.sh test installs it)"));
            wait_for_port(port, "geckodriver");
            let mut args = vec!["-width=1280", "-height=900"];
            if !opts.headed {
                args.push("-headless");
            }
            let caps = json!({
                "acceptInsecureCerts": true,
                "moz:firefoxOptions": {
                    "binary": "/usr/bin/firefox-esr",
                    "args": args,
                    "prefs": {
                        "extensions.webextensions.uuids": json!({GECKO_ID: FIREFOX_UUID}).to_string(),
                        "extensions.originControls.grantByDefault": opts.grant_hosts,
                        "network.proxy.type": 0,
                        "browser.shell.checkDefaultBrowser": false,
                        "network.dns.localDomains": opts.local_hosts.join(","),
                        // Debian's webext-* packages put add-ons in the system scope; test
                        // profiles load only what the test installs.
                        "extensions.enabledScopes": 5,
                        "extensions.background.idle.timeout": if opts.sleepy_background { FIREFOX_IDLE_MS } else { 30_000 },
                        "privacy.reduceTimerPrecision": !opts.precise_timers,
                    }
                }
            });
            let client = ClientBuilder::new(connector)
                .capabilities(caps.as_object().unwrap().clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
                .expect("geckodriver session");
            let addon = match &opts.extension {
                Extension::Unscored => Some(dist.clone()),
                Extension::Other(dir) => Some(dir.clone()),
                Extension::None => None,
            };
            if let Some(dir) = addon {
                client
                    .issue_cmd(InstallAddon { path: dir.display().to_string() })
                    .await
                    .expect("install the extension as a temporary add-on");
            }
            let ext_base = format!("moz-extension://{FIREFOX_UUID}/");
            Session { client, browser, ext_base, driver, _profile: None }
        }
    }
}

/// Every process: pid → (parent pid, CPU ticks used so far, children that exited included).
fn processes() -> std::collections::HashMap<u32, (u32, u64)> {
    let mut out = std::collections::HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { continue };
        // Fields after the command name, which may hold spaces: "pid (comm) state ppid ...".
        let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else { continue };
        let f: Vec<&str> = rest.split_whitespace().collect();
        let num = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        // utime, stime, cutime, cstime: fields 14-17 of stat, 11-14 after the name.
        out.insert(pid, (num(1) as u32, num(11) + num(12) + num(13) + num(14)));
    }
    out
}

/// Every process under `root` (not `root` itself).
fn descendants(root: u32) -> Vec<u32> {
    let all = processes();
    let mut out = Vec::new();
    let mut frontier = vec![root];
    while let Some(p) = frontier.pop() {
        for (&child, &(parent, _)) in &all {
            if parent == p && !out.contains(&child) {
                out.push(child);
                frontier.push(child);
            }
        }
    }
    out
}

/// CPU time (ms) used so far by `root` and every process under it, including children that
/// already exited (their time is added to the parent that waited for them).
pub fn tree_cpu_ms(root: u32) -> f64 {
    let all = processes();
    let ticks = |pid: &u32| all.get(pid).map_or(0, |&(_, t)| t);
    let total: u64 = ticks(&root) + descendants(root).iter().map(ticks).sum::<u64>();
    total as f64 * 10.0 // USER_HZ is 100 on Linux
}

impl Session {
    /// The WebDriver process: the browser and its helpers run under it.
    pub fn driver_pid(&self) -> u32 {
        self.driver.id()
    }

    /// From an extension page: runs `script`, an expression giving a promise, with `api` the
    /// extension API, and returns what it resolves to (`"error: …"` when it rejects).
    pub async fn extension_script(&self, script: &str) -> Value {
        self.client
            .execute_async(
                &format!(
                    "const done = arguments[0]; const api = globalThis.browser ?? globalThis.chrome; \
                     ({script}).then((v) => done(v ?? null), (e) => done('error: ' + e));"
                ),
                vec![],
            )
            .await
            .unwrap()
    }

    /// Chromium only: a DevTools protocol command.
    pub async fn cdp(&self, cmd: &'static str, params: Value) -> Result<Value, String> {
        self.client.issue_cmd(Cdp { cmd, params }).await.map_err(|e| e.to_string())
    }

    /// Stops the extension's background as the browser does when it is idle: Chromium's
    /// service worker at once (DevTools `ServiceWorker.stopAllWorkers`), Firefox's event page
    /// by staying idle past its timeout (the session must have `sleepy_background`).
    pub async fn stop_background(&self) {
        match self.browser {
            Browser::Chromium => {
                self.cdp("ServiceWorker.enable", json!({})).await.expect("CDP ServiceWorker.enable");
                self.cdp("ServiceWorker.stopAllWorkers", json!({})).await.expect("CDP stopAllWorkers");
            }
            Browser::Firefox => {
                // Nothing may talk to the background meanwhile: leave extension pages.
                self.client.goto("about:blank").await.unwrap();
                tokio::time::sleep(Duration::from_millis(FIREFOX_IDLE_MS * 4)).await;
            }
        }
    }

    /// Polls `check` until it returns Some, or fails with `what` after `secs`.
    pub async fn wait_for<T, F, Fut>(&self, secs: u64, what: &str, mut check: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Option<T>>,
    {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(v) = check().await {
                return v;
            }
            assert!(Instant::now() < deadline, "{:?}: timed out waiting for {what}", self.browser);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Firefox: installs `dir` as a temporary add-on into the running browser (a second
    /// install of the same add-on is an update).
    pub async fn install_addon(&self, dir: &Path) {
        self.client
            .issue_cmd(InstallAddon { path: dir.display().to_string() })
            .await
            .expect("install the extension as a temporary add-on");
    }

    /// Waits until the current page carries at least one annotation, and returns them all.
    pub async fn wait_for_annotations(&self, what: &str) -> Vec<Note> {
        self.wait_for(15, what, || async {
            let n = self.annotations().await;
            (!n.is_empty()).then_some(n)
        })
        .await
    }

    /// Text and links of every annotation on the current page, read through the shadow roots.
    pub async fn annotations(&self) -> Vec<Note> {
        let mut out = Vec::new();
        let hosts = self.client.find_all(Locator::XPath(NOTES)).await.unwrap_or_default();
        for host in hosts {
            let Ok(root) = host.shadow_root().await else {
                continue;
            };
            let text = |sel: &'static str| {
                let root = root.clone();
                async move {
                    match root.find(Locator::Css(sel)).await {
                        Ok(e) => e.prop("textContent").await.ok().flatten().unwrap_or_default(),
                        Err(_) => String::new(),
                    }
                }
            };
            let headline = text(".headline").await;
            let tagline = text(".tagline").await;
            let alert = text(".alert").await;
            let sign = text(".sign b").await;
            let mut facts = Vec::new();
            for dd in root.find_all(Locator::Css(".facts dd")).await.unwrap_or_default() {
                facts.push(dd.prop("textContent").await.ok().flatten().unwrap_or_default());
            }
            let mut links = Vec::new();
            for a in root.find_all(Locator::Css(".actions a")).await.unwrap_or_default() {
                let href = a.attr("href").await.ok().flatten().unwrap_or_default();
                let label = a.prop("textContent").await.ok().flatten().unwrap_or_default();
                links.push((label, href));
            }
            let next_to = host.find(Locator::XPath("preceding-sibling::*[1]")).await.ok();
            let anchor_id = match next_to {
                Some(e) => e.attr("id").await.ok().flatten().unwrap_or_default(),
                None => String::new(),
            };
            out.push(Note { headline, tagline, alert, sign, facts, links, anchor_id });
        }
        out
    }

    /// Opens an extension page in a new tab and returns to nothing: the caller switches back.
    pub async fn open_extension_page(&self, page: &str) {
        let handle = self.client.new_window(true).await.expect("new tab").handle;
        self.client.switch_to_window(handle).await.unwrap();
        self.client.goto(&format!("{}{}", self.ext_base, page)).await.unwrap();
    }

    /// From an extension page: the id of the one other tab (the fixture page).
    pub async fn other_tab_id(&self) -> i64 {
        let v = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   const api = globalThis.browser ?? globalThis.chrome;
                   Promise.all([api.tabs.getCurrent(), api.tabs.query({})])
                     .then(([me, all]) => done(all.filter((t) => t.id !== me.id).map((t) => t.id)))
                     .catch((e) => done(String(e)));"#,
                vec![],
            )
            .await
            .expect("tabs query");
        let ids = v.as_array().unwrap_or_else(|| panic!("tabs query failed: {v}"));
        assert_eq!(ids.len(), 1, "expected exactly one other tab, got {v}");
        ids[0].as_i64().unwrap()
    }

    /// Opens the popup page for `tab` and returns its status line once it has one.
    pub async fn popup_status(&self, tab: i64) -> String {
        self.client.goto(&format!("{}popup.html?tab={tab}", self.ext_base)).await.unwrap();
        let status = self
            .wait_for(10, "the popup's status line", || async {
                self.text_of(".status").await.filter(|t| !t.is_empty() && !t.starts_with("Looking"))
            })
            .await;
        // The status line comes before a storage read, the list of cards after it in one go
        // (none when the tab could not be read).
        if !status.starts_with("Could not read") {
            self.wait_for(10, "the popup's list of findings", || async { self.text_of("ul.findings").await }).await;
        }
        status
    }

    /// From an extension page: its own tab's id.
    pub async fn own_tab_id(&self) -> i64 {
        let v = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   const api = globalThis.browser ?? globalThis.chrome;
                   api.tabs.getCurrent().then((t) => done(t.id), (e) => done(String(e)));"#,
                vec![],
            )
            .await
            .expect("own tab");
        v.as_i64().unwrap_or_else(|| panic!("tabs.getCurrent failed: {v}"))
    }

    /// From an extension page: the toolbar badge text of `tab`.
    pub async fn badge_text(&self, tab: i64) -> String {
        let v: Value = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   const api = globalThis.browser ?? globalThis.chrome;
                   api.action.getBadgeText({tabId: arguments[0]}).then(done, (e) => done("error: " + e));"#,
                vec![json!(tab)],
            )
            .await
            .expect("badge text");
        v.as_str().unwrap_or_default().to_string()
    }

    /// From an extension page: navigates `tab` to `url` and waits until the background has
    /// heard from it (its first scan, or its plan when Unscored stays quiet there); returns
    /// the tab's stats.
    pub async fn load_and_wait(&self, tab: i64, url: &str) -> Value {
        let v = self
            .client
            .execute_async(
                r#"const [tab, url, done] = arguments;
                   const api = globalThis.browser ?? globalThis.chrome;
                   (async () => {
                     await api.tabs.update(tab, { url });
                     for (let i = 0; i < 200; i++) {
                       await new Promise((r) => setTimeout(r, 50));
                       const st = await api.runtime.sendMessage({ type: "tab-stats", tab });
                       if (st && st.url === url && (st.scans >= 1 || st.quiet)) return done(st);
                       // A page with nothing to find tells only its own tab.
                       const seen = await api.scripting.executeScript({ target: { tabId: tab, frameIds: [0] }, files: ["status.js"] }).then((r) => r[0]?.result ?? null, () => null);
                       if (seen && seen.url === url && seen.looked !== "not yet")
                         return done({ url, quiet: seen.looked === "quiet", scans: 0, looked: seen.looked });
                     }
                     done("timed out waiting for the scan of " + url);
                   })().catch((e) => done(String(e)));"#,
                vec![json!(tab), json!(url)],
            )
            .await
            .expect("load script");
        assert!(v.is_object(), "{:?}: {v}", self.browser);
        v
    }

    /// From an extension page: the findings of `tab` as "kind:service".
    pub async fn findings(&self, tab: i64) -> Vec<String> {
        let v = self
            .client
            .execute_async(
                r#"const [tab, done] = arguments;
                   const api = globalThis.browser ?? globalThis.chrome;
                   // As the popup does: what the background keeps counts only if it is about
                   // the page the tab shows now.
                   (async () => {
                     const f = await api.runtime.sendMessage({ type: "tab-findings", tab });
                     const st = await api.runtime.sendMessage({ type: "tab-stats", tab });
                     const seen = await api.scripting.executeScript({ target: { tabId: tab, frameIds: [0] }, files: ["status.js"] }).then((r) => r[0]?.result ?? null, () => null);
                     const page = (u) => (u || "").split('#')[0];
                     if (seen && st && st.url && page(seen.url) !== page(st.url)) return done([]);
                     done(f.findings.map((x) => `${x.finding.kind}:${x.finding.service ?? "-"}`));
                   })().catch((e) => done(String(e)));"#,
                vec![json!(tab)],
            )
            .await
            .expect("findings script");
        match v.as_array() {
            Some(a) => a.iter().map(|x| x.as_str().unwrap_or_default().to_string()).collect(),
            None => panic!("{:?}: {v}", self.browser),
        }
    }

    /// From an extension page: navigates `tab` to `url`, waits for its first scan, and
    /// returns the tab's findings as "kind:service".
    pub async fn findings_after_load(&self, tab: i64, url: &str) -> Vec<String> {
        self.load_and_wait(tab, url).await;
        self.findings(tab).await
    }

    /// From an extension page: polls `tab`'s findings until `want` of them are there.
    pub async fn wait_for_findings(&self, tab: i64, want: usize, secs: u64) -> Vec<String> {
        let page = self.tab_stats(tab).await["url"].as_str().unwrap_or_default().to_string();
        self.wait_for(secs, &format!("{want} findings on {page}"), || async {
            let list = self.findings(tab).await;
            (list.len() >= want).then_some(list)
        })
        .await
    }

    /// From an extension page: what scanning `tab` cost, as the background recorded it.
    pub async fn tab_stats(&self, tab: i64) -> Value {
        self.client
            .execute_async(
                r#"const [tab, done] = arguments;
                   const api = globalThis.browser ?? globalThis.chrome;
                   api.runtime.sendMessage({ type: "tab-stats", tab }).then(done, (e) => done(String(e)));"#,
                vec![json!(tab)],
            )
            .await
            .expect("tab stats")
    }

    pub async fn text_of(&self, css: &str) -> Option<String> {
        let e = self.client.find(Locator::Css(css)).await.ok()?;
        e.prop("textContent").await.ok().flatten()
    }

    pub async fn texts_of(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for e in self.client.find_all(Locator::Css(css)).await.unwrap_or_default() {
            out.push(e.prop("textContent").await.ok().flatten().unwrap_or_default());
        }
        out
    }

    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub headline: String,
    pub tagline: String,
    /// The warning line, "" when there is none.
    pub alert: String,
    /// The install's sign the note shows (in its details), "" when none.
    pub sign: String,
    /// The details' values (hidden or shown).
    pub facts: Vec<String>,
    /// (label, href)
    pub links: Vec<(String, String)>,
    /// `id` of the element the note sits next to.
    pub anchor_id: String,
}

/// Chromium driven over the DevTools pipe instead of chromedriver: the one way to install an
/// extension into a running browser (`Extensions.loadUnpacked` answers only on
/// `--remote-debugging-pipe` with `--enable-unsafe-extension-debugging`), which is how a
/// person's browser meets tabs opened before the extension was there.
pub struct PipeChromium {
    child: Child,
    to_browser: std::process::ChildStdin,
    from_browser: std::sync::mpsc::Receiver<Value>,
    next_id: u64,
    profile: PathBuf,
}

impl PipeChromium {
    pub fn start() -> PipeChromium {
        let profile = std::env::temp_dir().join(format!("unscored-chromium-pipe-{}", free_port()));
        // The browser reads commands on fd 3 and writes answers on fd 4: the shell hands it
        // our stdin and stdout there.
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(r#"exec "$@" 3<&0 4>&1 0</dev/null 1>/dev/null"#)
            .arg("sh")
            .arg("/usr/lib/chromium/chromium")
            .args([
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--headless=new",
                "--remote-debugging-pipe",
                "--enable-unsafe-extension-debugging",
                "about:blank",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start /usr/lib/chromium/chromium (./build.sh test installs it)");
        let to_browser = child.stdin.take().unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || loop {
            let mut buf = Vec::new();
            match out.read_until(0, &mut buf) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    buf.pop();
                    if let Ok(v) = serde_json::from_slice::<Value>(&buf) {
                        if tx.send(v).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        PipeChromium { child, to_browser, from_browser: rx, next_id: 1, profile }
    }

    /// One command (in a page's session when `session` is given); events are skipped.
    pub fn call(&mut self, method: &str, params: Value, session: Option<&str>) -> Result<Value, String> {
        let id = self.next_id;
        self.next_id += 1;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        let mut bytes = msg.to_string().into_bytes();
        bytes.push(0);
        self.to_browser.write_all(&bytes).map_err(|e| format!("{method}: {e}"))?;
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let v = self.from_browser.recv_timeout(left).map_err(|e| format!("{method}: no answer ({e})"))?;
            if v["id"].as_u64() == Some(id) {
                return match v.get("error") {
                    Some(e) => Err(format!("{method}: {e}")),
                    None => Ok(v["result"].clone()),
                };
            }
        }
    }

    /// Opens `url` in a new tab and returns the session to script it with.
    pub fn open(&mut self, url: &str) -> String {
        let target = self.call("Target.createTarget", json!({"url": url}), None).expect("open a tab");
        let attached = self
            .call("Target.attachToTarget", json!({"targetId": target["targetId"], "flatten": true}), None)
            .expect("attach to the tab");
        attached["sessionId"].as_str().unwrap().to_string()
    }

    /// Evaluates `expr` in the page of `session` and returns its value.
    pub fn eval(&mut self, session: &str, expr: &str) -> Value {
        let r = self
            .call("Runtime.evaluate", json!({"expression": expr, "returnByValue": true}), Some(session))
            .unwrap_or_else(|e| panic!("evaluate {expr}: {e}"));
        r["result"]["value"].clone()
    }

    /// Polls `expr` in the page until it is true.
    pub fn wait_until(&mut self, session: &str, expr: &str, secs: u64, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while self.eval(session, expr) != json!(true) {
            assert!(Instant::now() < deadline, "Chromium: timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for PipeChromium {
    fn drop(&mut self) {
        stop_tree(&mut self.child);
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Kills a process and everything it started.
fn stop_tree(child: &mut Child) {
    for pid in descendants(child.id()) {
        let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
    }
    let _ = child.kill();
    let _ = child.wait();
}
