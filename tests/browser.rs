//! The real-browser suite: the built extension (`dist/unscored`, from `./build.sh`) loaded in
//! Debian's Chromium and in Firefox ESR, on fixture pages served from 127.0.0.1. It asserts
//! what a person sees: annotations, the badge, the popup, the options page.
//!
//! Run with `./build.sh test` (or `cargo test --features browser-tests --test browser`
//! after `./build.sh`). `./build.sh demo` runs the ignored `demo` test.

#[path = "browser/harness.rs"]
mod harness;

// Its URL mix is the wasm benchmark's.
#[allow(dead_code)]
#[path = "bench/page.rs"]
mod bench_page;

#[path = "realworld/corpus.rs"]
mod corpus;

use harness::{start, Browser, Options, Server, Session};
use std::time::Duration;

const KLOUT_SOURCE: &str = "https://shkspr.mobi/blog/2013/06/opt-out-of-klout-now/";

async fn klout_badge_page_is_annotated(s: &Session, url: &str) {
    s.client.goto(url).await.unwrap();
    let notes = s.wait_for_annotations(&format!("the Klout badge annotation on {url}")).await;
    assert_eq!(notes.len(), 1, "{:?}: one annotation expected on {url}, got {notes:?}", s.browser);
    let note = &notes[0];
    assert_eq!(note.headline, "Klout score widget");
    assert_eq!(note.tagline, "Influence score · closed 2018-05-25");
    assert_eq!(note.anchor_id, "badge", "the note sits right after the badge iframe");
    assert_eq!(note.links, [("No opt-out left: read more".to_string(), KLOUT_SOURCE.to_string())]);
    note_opens_and_closes_by_keyboard(s).await;
}

/// The note is a real button: a click where it is drawn opens its details and says so to
/// screen readers; Escape closes it again. Real pointer and key input, not element clicks:
/// chromedriver will not click inside a closed shadow root, a person can.
async fn note_opens_and_closes_by_keyboard(s: &Session) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
    use fantoccini::Locator;
    let host = s.client.find(Locator::XPath(harness::NOTES)).await.unwrap();
    let root = host.shadow_root().await.unwrap();
    let pill = root.find(Locator::Css("button.pill")).await.unwrap();
    assert_eq!(pill.attr("aria-expanded").await.unwrap().as_deref(), Some("false"));
    let (x, y, w, h) = pill.rectangle().await.unwrap();
    let click = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo { duration: None, x: x + w / 2.0, y: y + h / 2.0 })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
    s.client.perform_actions(click).await.unwrap();
    assert_eq!(pill.attr("aria-expanded").await.unwrap().as_deref(), Some("true"), "{:?}", s.browser);
    assert!(root.find(Locator::Css(".details")).await.unwrap().is_displayed().await.unwrap());
    let escape = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: '\u{E00C}' })
        .then(KeyAction::Up { value: '\u{E00C}' });
    s.client.perform_actions(escape).await.unwrap();
    assert_eq!(pill.attr("aria-expanded").await.unwrap().as_deref(), Some("false"), "{:?}", s.browser);
    assert!(!root.find(Locator::Css(".details")).await.unwrap().is_displayed().await.unwrap());
}

/// The seeds' case: the Klout Opt-Out app's X authorisation screen, served as
/// api.twitter.com with a strict CSP.
async fn consent_screen_gets_the_panel(s: &Session, provider: &Server) {
    let url = format!(
        "https://api.twitter.com:{}/oauth/authenticate?oauth_token=Kx9fake&oauth_callback=https%3A%2F%2Fklout.com%2Fcorp%2Foptout%2Fcallback",
        provider.port
    );
    s.client.goto(&url).await.unwrap();
    let notes = s.wait_for_annotations("the consent panel").await;
    assert_eq!(notes.len(), 1, "{:?}: {notes:?}", s.browser);
    let note = &notes[0];
    assert_eq!(note.headline, "\u{201c}Klout Opt-Out\u{201d} asks for your X (Twitter) account");
    assert_eq!(note.tagline, "Sign-in request · overall risk medium · Klout: influence score");
    assert!(note.alert.contains("opt-out") && note.alert.contains("asks for more than who you are"), "{}", note.alert);
    assert!(
        note.facts
            .iter()
            .any(|f| f.starts_with("Read the posts on your timeline") && f.ends_with("Not needed to opt out.")),
        "{:?}",
        note.facts
    );
    assert_eq!(
        note.links,
        [(
            "Remove its access later: X: Settings > Security and account access > Apps and sessions > Connected apps"
                .to_string(),
            "https://x.com/settings/connected_apps".to_string()
        )]
    );
}

/// A people-search profile page under its real host name gets one page-level note, also
/// after the page grows and is scanned again.
async fn profile_page_gets_one_banner(s: &Session, site: &Server) {
    let url = format!("https://www.spokeo.com:{}/John-Smith/California/Los-Angeles", site.port);
    s.client.goto(&url).await.unwrap();
    s.wait_for(15, "the profile banner and the late badge's note", || async {
        (s.annotations().await.len() >= 2).then_some(())
    })
    .await;
    // Time for a wrongly repeated banner to show up.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let notes = s.annotations().await;
    let headlines: Vec<&str> = notes.iter().map(|n| n.headline.as_str()).collect();
    assert_eq!(headlines, ["Spokeo profile page", "Klout score widget"], "{:?}", s.browser);
    assert_eq!(notes[0].tagline, "People-search site");
    assert_eq!(notes[0].links, [("Opt out".to_string(), "https://www.spokeo.com/optout".to_string())]);
    // A catalogued site's page gets its plan from the background, not storage: its notes must
    // carry the install's sign too (the pages a look-alike note would most want to copy).
    let sign = &notes[0].sign;
    assert!(
        sign.split(' ').count() == 2 && sign.chars().all(|c| c.is_ascii_lowercase() || c == ' '),
        "{:?}: sign {sign:?}",
        s.browser
    );
    assert!(notes.iter().all(|n| &n.sign == sign), "{:?}: every note shows the same sign", s.browser);
}

/// A name search's verdict comes from the page, read by the real content script: a results
/// list gets the softer note, one person's page the profile banner.
async fn name_search_pages(s: &Session, site: &Server) {
    for (case, headline) in [
        ("name-search-results-list", "Spokeo people-search results"),
        ("name-search-one-person-by-title", "Spokeo profile page"),
    ] {
        s.client
            .goto(&format!("https://www.spokeo.com:{}/Jane-Doe/Illinois/Springfield?case={case}", site.port))
            .await
            .unwrap();
        let notes = s.wait_for_annotations(case).await;
        let headlines: Vec<&str> = notes.iter().map(|n| n.headline.as_str()).collect();
        assert_eq!(headlines, [headline], "{:?}: {case}", s.browser);
    }
}

/// A Wayback Machine copy of a person's page gets the banner of the service it copies: the
/// only Klout profiles left are such copies.
async fn archived_profile_gets_the_banner(s: &Session, site: &Server) {
    let url = format!("https://web.archive.org:{}/web/20130601000000/http://klout.com/janedoe", site.port);
    s.client.goto(&url).await.unwrap();
    let notes = s.wait_for_annotations("the archived profile's banner").await;
    let headlines: Vec<&str> = notes.iter().map(|n| n.headline.as_str()).collect();
    assert_eq!(headlines, ["Klout profile page"], "{:?}", s.browser);
}

async fn suite(browser: Browser) {
    let server = Server::start();
    let hosts = vec!["api.twitter.com", "www.spokeo.com", "apps.zoominfo.com", "web.archive.org"];
    let provider = Server::start_tls(&hosts);
    let s = start(browser, Options { local_hosts: hosts, ..Options::default() }).await;
    consent_screen_gets_the_panel(&s, &provider).await;
    profile_page_gets_one_banner(&s, &provider).await;
    name_search_pages(&s, &provider).await;
    archived_profile_gets_the_banner(&s, &provider).await;

    // Plain page, then the same page under a CSP that forbids wasm in the page.
    klout_badge_page_is_annotated(&s, &server.url("klout-badge.html")).await;
    klout_badge_page_is_annotated(&s, &server.url("csp/klout-badge.html")).await;
    let page_tab = s.client.window().await.unwrap();

    // The popup, opened as a page for that tab: badge count and the list.
    s.open_extension_page("popup.html").await;
    let tab = s.other_tab_id().await;
    assert_eq!(s.badge_text(tab).await, "1", "{browser:?}: badge count for the badge page");
    let status = s.popup_status(tab).await;
    assert_eq!(status, "1 finding on this page");
    assert_eq!(s.texts_of(".card .headline").await, ["Klout score widget"]);
    let facts = s.texts_of(".card dd").await.join("\n");
    assert!(facts.contains("Read Tweets from your timeline; See who you follow"), "{facts}");
    assert!(s.text_of(".notice").await.is_none(), "no permission notice when access is granted");
    let klout = unscored::catalog::Catalog::embedded().get("klout").unwrap();
    assert_eq!(s.text_of(".card .sources summary").await.unwrap(), format!("Sources ({})", klout.sources.len()));
    let hrefs = s.client.find_all(fantoccini::Locator::Css(".card .sources a")).await.unwrap();
    assert!(!hrefs.is_empty());
    for a in hrefs {
        let href = a.attr("href").await.unwrap().unwrap_or_default();
        assert!(href.starts_with("https://"), "popup links are https only: {href}");
    }

    // A tab Unscored never looked at (its own page): the popup says so rather than "nothing".
    let own = s.own_tab_id().await;
    let status = s.popup_status(own).await;
    assert!(status.starts_with("Unscored has not looked at this page."), "{browser:?}: {status}");

    // The options page: version and catalog size, read from wasm.
    s.client.goto(&format!("{}options.html", s.ext_base)).await.unwrap();
    let version = s.wait_for(10, "the options figures", || async { s.text_of("#version").await }).await;
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    let size = s.text_of("#catalog-size").await.unwrap();
    assert_eq!(size, unscored::catalog::Catalog::embedded().len().to_string());
    assert_eq!(s.text_of("#catalog-version").await.unwrap(), unscored::catalog::VERSION);
    // The catalog on the options page: filter to one service, open it, find its way out.
    let total = unscored::catalog::Catalog::embedded().len();
    assert_eq!(s.client.find_all(fantoccini::Locator::Css("#services li")).await.unwrap().len(), total);
    s.client.find(fantoccini::Locator::Css("#filter")).await.unwrap().send_keys("spokeo").await.unwrap();
    assert_eq!(s.text_of("#shown").await.unwrap(), format!("1 of {total} services"));
    let visible = s.client.find(fantoccini::Locator::Css("#services li:not([hidden]) summary")).await.unwrap();
    visible.click().await.unwrap();
    let link = s
        .wait_for(5, "the opened service's opt-out link", || async {
            s.client.find(fantoccini::Locator::Css("#services li:not([hidden]) .opt-out-link")).await.ok()
        })
        .await;
    assert_eq!(link.attr("href").await.unwrap().as_deref(), Some("https://www.spokeo.com/optout"));

    // A page with no widget: no annotation, no badge.
    s.client.switch_to_window(page_tab.clone()).await.unwrap();
    s.client.goto(&server.url("plain.html")).await.unwrap();
    // Give the content script time to ask the engine and (wrongly) annotate.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(s.annotations().await.is_empty(), "{browser:?}: plain page must stay clean");
    s.client.switch_to_window(other_window(&s, &page_tab).await).await.unwrap();
    assert_eq!(s.badge_text(tab).await, "", "{browser:?}: no badge on the plain page");
    let status = s.popup_status(tab).await;
    assert_eq!(status, "Nothing on this page scores or profiles you.");

    single_page_app_moves(&s, &provider, &page_tab, tab).await;
    hash_router_moves(&s, &provider, &page_tab).await;
    s.close().await;
}

/// A single-page app served below the site's root whose pages are hash routes (ZoomInfo Lite):
/// a link that changes only the fragment to a person's contact profile gets the banner, and
/// Back to the route before takes it away.
async fn hash_router_moves(s: &Session, site: &Server, page_tab: &fantoccini::wd::WindowHandle) {
    use fantoccini::Locator;
    s.client.switch_to_window(page_tab.clone()).await.unwrap();
    s.client.goto(&format!("https://apps.zoominfo.com:{}/zi-lite/#/onboarding", site.port)).await.unwrap();
    let link = s.wait_for(10, "the app's link", || async { s.client.find(Locator::Css("#person")).await.ok() }).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert!(s.annotations().await.is_empty(), "{:?}: the onboarding route is no profile", s.browser);
    link.click().await.unwrap();
    let notes = s.wait_for_annotations("the banner after a hash route to a person").await;
    let headlines: Vec<&str> = notes.iter().map(|n| n.headline.as_str()).collect();
    assert_eq!(headlines, ["ZoomInfo profile page"], "{:?}", s.browser);
    s.client.back().await.unwrap();
    s.wait_for(10, "the banner to go after Back", || async { s.annotations().await.is_empty().then_some(()) }).await;
}

/// "I've sent my opt-out" on the popup's Spokeo card; the options page lists it, exports it,
/// refuses a broken backup without losing anything, and merges a good one.
async fn opt_out_tracker(s: &Session, tab: i64) -> String {
    use fantoccini::Locator;
    use unscored::tracker::Day;
    let ymd = s
        .client
        .execute("const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()];", vec![])
        .await
        .unwrap();
    let n = |i: usize| ymd[i].as_u64().unwrap() as u32;
    let today = Day::from_ymd(n(0) as i32, n(1), n(2));
    let sent =
        format!("You sent your opt-out on {today}. Look again from {} whether you are still listed.", today.plus(45));

    assert_eq!(s.popup_status(tab).await, "1 finding on this page");
    let button = s.client.find(Locator::Css(".card .tracker button.track-sent")).await.unwrap();
    assert_eq!(button.text().await.unwrap(), "I've sent my opt-out");
    button.click().await.unwrap();
    let said = s
        .wait_for(5, "the tracker's status", || async { s.text_of(".tracker-status").await.filter(|t| !t.is_empty()) })
        .await;
    assert_eq!(said, sent, "{:?}", s.browser);
    assert_eq!(s.texts_of(".tracker button").await, ["It worked: I'm gone", "Forget it"]);

    s.client.goto(&format!("{}options.html", s.ext_base)).await.unwrap();
    let names = || async { s.texts_of("#opt-outs .opt-out-entry .name").await };
    s.wait_for(5, "the opt-out on the options page", || async { (names().await == ["Spokeo"]).then_some(()) }).await;
    assert_eq!(s.text_of("#opt-outs .tracker-status").await.unwrap(), sent);
    let link = s.client.find(fantoccini::Locator::Css("#opt-outs .opt-out-entry a.opt-out-link")).await.unwrap();
    assert_eq!(link.attr("href").await.unwrap().as_deref(), Some("https://www.spokeo.com/optout"));

    // Export: the file holds the opt-out.
    s.client.find(Locator::Css("#export")).await.unwrap().click().await.unwrap();
    let link = s
        .wait_for(5, "the exported file", || async {
            s.client.find(Locator::Css("#backup-status a.backup-file")).await.ok()
        })
        .await;
    assert_eq!(link.attr("download").await.unwrap().unwrap(), format!("unscored-backup-{today}.json"));
    let href = link.attr("href").await.unwrap().unwrap();
    let json = url::form_urlencoded::parse(
        href.trim_start_matches("data:application/json;charset=utf-8,").replace('+', "%2B").as_bytes(),
    )
    .map(|(k, v)| format!("{k}{v}"))
    .collect::<String>();
    let backup = unscored::tracker::Backup::from_json(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(backup.tracker.opt_outs["spokeo"].on, today.to_string());

    // A broken file changes nothing and says why; a good one is merged.
    let dir = std::env::temp_dir().join(format!("unscored-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let import = |name: &'static str, text: String| {
        let path = dir.join(name);
        async move {
            std::fs::write(&path, text).unwrap();
            let before = s.text_of("#backup-status").await.unwrap_or_default();
            let input = s.client.find(Locator::Css("#import")).await.unwrap();
            input.send_keys(path.to_str().unwrap()).await.unwrap();
            s.wait_for(5, "the import's answer", || async {
                s.text_of("#backup-status")
                    .await
                    .filter(|t| *t != before && (t.starts_with("Nothing") || t.starts_with("Imported")))
            })
            .await
        }
    };
    let said = import("broken.json", "{\"format\": \"unscored-backup\", \"version\": 1, \"tracker\": {\"opt_outs\": {\"spokeo\": {\"stage\": \"sent\", \"on\": \"yesterday\"}}}}".into()).await;
    assert_eq!(
        said, "Nothing was imported: opt-out \"spokeo\": date \"yesterday\" is not a YYYY-MM-DD date",
        "{:?}",
        s.browser
    );
    assert_eq!(names().await, ["Spokeo"]);
    let good = r#"{"format": "unscored-backup", "version": 1, "settings": {"quiet_sites": ["example.org"]},
                   "tracker": {"opt_outs": {"whitepages": {"stage": "gone", "on": "2026-01-02"}}}}"#;
    assert_eq!(import("good.json", good.into()).await, "Imported 1 new quiet site and 1 opt-out.");
    s.wait_for(5, "both opt-outs, the one due first", || async {
        (names().await == ["Whitepages", "Spokeo"]).then_some(())
    })
    .await;
    let first = s.text_of("#opt-outs .tracker-status.due").await.unwrap();
    assert_eq!(first, "Gone since 2026-01-02, as you checked. Time to look whether you were listed again.");
    // The popup reminds of it on any tab.
    s.popup_status(tab).await;
    assert_eq!(s.text_of(".due-summary").await.unwrap(), "1 of your opt-outs is due for a look: see your opt-outs");
    s.client.goto(&format!("{}options.html", s.ext_base)).await.unwrap();
    s.wait_for(5, "the opt-outs again", || async { (names().await == ["Whitepages", "Spokeo"]).then_some(()) }).await;
    s.wait_for(5, "the imported quiet site", || async {
        s.text_of("#quiet-sites .host").await.filter(|h| h == "example.org")
    })
    .await;

    // Forget the imported ones again; the rest of the suite expects a clean slate.
    s.client.find(Locator::Css("#opt-outs .opt-out-entry .track-forget")).await.unwrap().click().await.unwrap();
    s.wait_for(5, "the forgotten opt-out to go", || async { (names().await == ["Spokeo"]).then_some(()) }).await;
    s.client.find(Locator::Css("#quiet-sites button")).await.unwrap().click().await.unwrap();
    std::fs::remove_dir_all(&dir).ok();
    sent
}

/// A single-page app moves to a profile page with pushState and back with Back: the banner,
/// the popup's list and the badge follow the address, with no new document loaded.
async fn single_page_app_moves(s: &Session, site: &Server, page_tab: &fantoccini::wd::WindowHandle, tab: i64) {
    use fantoccini::Locator;
    let popup = other_window(s, page_tab).await;
    s.client.switch_to_window(page_tab.clone()).await.unwrap();
    s.client.goto(&format!("https://www.spokeo.com:{}/search", site.port)).await.unwrap();
    let result =
        s.wait_for(10, "the search result", || async { s.client.find(Locator::Css("#result")).await.ok() }).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert!(s.annotations().await.is_empty(), "{:?}: the search page is not a profile", s.browser);

    result.click().await.unwrap();
    let notes = s.wait_for_annotations("the banner after pushState to a profile").await;
    let headlines: Vec<&str> = notes.iter().map(|n| n.headline.as_str()).collect();
    assert_eq!(headlines, ["Spokeo profile page"], "{:?}", s.browser);
    s.client.switch_to_window(popup.clone()).await.unwrap();
    assert_eq!(s.wait_for_findings(tab, 1, 10).await, ["profile:spokeo"], "{:?}", s.browser);
    assert_eq!(s.badge_text(tab).await, "1", "{:?}", s.browser);
    let sent = opt_out_tracker(s, tab).await;

    s.client.switch_to_window(page_tab.clone()).await.unwrap();
    s.client.back().await.unwrap();
    s.wait_for(10, "the banner to go after Back", || async { s.annotations().await.is_empty().then_some(()) }).await;
    assert!(s.client.find(Locator::Css("#result")).await.is_ok(), "{:?}: back on the search view", s.browser);
    s.client.switch_to_window(popup).await.unwrap();
    s.wait_for(10, "the finding to go after Back", || async { s.findings(tab).await.is_empty().then_some(()) }).await;
    assert_eq!(s.badge_text(tab).await, "", "{:?}", s.browser);
    assert_eq!(s.popup_status(tab).await, "Nothing on this page scores or profiles you.");

    // Forward to the profile again: its note now says where the person's opt-out stands.
    s.client.switch_to_window(page_tab.clone()).await.unwrap();
    s.client.forward().await.unwrap();
    let notes = s.wait_for_annotations("the banner after Forward").await;
    assert_eq!(notes.len(), 1, "{:?}", s.browser);
    assert_eq!(notes[0].facts.first(), Some(&sent), "{:?}", s.browser);
}

/// The detection fixtures that do not depend on the page's host, run in the browser: the
/// page side must collect what the native reader collects. Plus the shapes only a browser
/// has: a widget inserted 2 s after load, one in a same-origin frame, one in a shadow root.
async fn fixtures(browser: Browser) {
    let server = Server::start();
    let s = start(browser, Options::default()).await;
    s.client.goto(&server.url("plain.html")).await.unwrap();
    s.open_extension_page("popup.html").await;
    let tab = s.other_tab_id().await;
    let engine = unscored::engine::EngineBuilder::new(unscored::catalog::Catalog::embedded()).build();
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in harness::detect_cases() {
        let host_bound = page_level(&engine, &case.url, &case.expect);
        if host_bound || case.html.trim().is_empty() {
            continue;
        }
        ran += 1;
        // At the page's own path: a member page is itself a sign the score is a person's.
        let url = served_at(&server, &case.url, &format!("case={}", case.name));
        let mut got = s.findings_after_load(tab, &url).await;
        let mut want = case.expect.clone();
        got.sort();
        want.sort();
        if got != want {
            failures.push(format!("{}: expected {want:?}, found {got:?}", case.name));
        }
    }
    assert!(failures.is_empty(), "{browser:?}: {} of {ran} fixtures differ:\n{}", failures.len(), failures.join("\n"));
    assert!(ran >= 80, "{browser:?}: only {ran} fixtures ran in the browser");

    quiet_site_switch(&s, &server, tab).await;
    annotation_choices(&s, &server, tab).await;
    unreadable_storage(&s).await;
    assert_eq!(
        s.findings_after_load(tab, &server.url("shadow.html")).await,
        ["widget:klout"],
        "{browser:?}: shadow root"
    );
    s.findings_after_load(tab, &server.url("late.html")).await;
    assert_eq!(s.wait_for_findings(tab, 1, 10).await, ["widget:klout"], "{browser:?}: widget inserted after load");
    assert_eq!(s.findings_after_load(tab, &server.url("late-tooltip.html")).await, Vec::<String>::new());
    assert_eq!(
        s.wait_for_findings(tab, 1, 10).await,
        ["score:-"],
        "{browser:?}: points written into a tooltip after load"
    );
    assert_eq!(
        s.findings_after_load(tab, &server.url("lazy.html")).await,
        Vec::<String>::new(),
        "{browser:?}: no src yet"
    );
    assert_eq!(s.wait_for_findings(tab, 1, 10).await, ["widget:klout"], "{browser:?}: placeholder given its src later");
    s.findings_after_load(tab, &server.url("frame.html")).await;
    assert_eq!(s.wait_for_findings(tab, 1, 10).await, ["widget:klout"], "{browser:?}: same-origin frame");
    // The top page moves within itself (a single-page app): its frame, and the frame's widget,
    // stay. The top document's "left" must not take the frame's finding with it. (A query key
    // of sign-in requests makes the top document ask the background for its plan, so it has
    // reported something and says "left" when it moves.)
    s.findings_after_load(tab, &server.url("frame.html?client_id=spa")).await;
    assert_eq!(s.wait_for_findings(tab, 1, 10).await, ["widget:klout"], "{browser:?}: same-origin frame, top asked");
    let moved = s
        .client
        .execute_async(
            r#"const [tab, done] = arguments;
               const api = globalThis.browser ?? globalThis.chrome;
               api.scripting
                 .executeScript({ target: { tabId: tab, frameIds: [0] }, world: "MAIN",
                   func: () => { history.pushState({}, "", "?moved"); document.body.append(document.createElement("p")); } })
                 .then(() => done(true), (e) => done(String(e)));"#,
            vec![serde_json::json!(tab)],
        )
        .await
        .unwrap();
    assert_eq!(moved, serde_json::json!(true), "{browser:?}: moving the page");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(s.findings(tab).await, ["widget:klout"], "{browser:?}: the frame's widget after the page moved");
    tiny_and_empty_frames(&s, &server, tab).await;
    s.close().await;
}

/// A 1×1 frame and an empty one are not looked into (nothing a person can see, nothing
/// there); once the page shows the first and writes into the second, both are.
async fn tiny_and_empty_frames(s: &Session, server: &Server, tab: i64) {
    let browser = s.browser;
    let in_page = |call: &'static str| async move {
        let done = s
            .client
            .execute_async(
                r#"const [tab, call, done] = arguments;
                   const api = globalThis.browser ?? globalThis.chrome;
                   api.scripting
                     .executeScript({ target: { tabId: tab, frameIds: [0] }, world: "MAIN", func: (c) => window[c](), args: [call] })
                     .then(() => done(true), (e) => done(String(e)));"#,
                vec![serde_json::json!(tab), serde_json::json!(call)],
            )
            .await
            .unwrap();
        assert_eq!(done, serde_json::json!(true), "{browser:?}: {call}");
    };
    s.findings_after_load(tab, &server.url("tiny-frames.html")).await;
    // The 1×1 frame's page holds a Klout badge: looked at, it would be found by now.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(s.findings(tab).await, Vec::<String>::new(), "{browser:?}: a 1×1 frame is not looked into");
    in_page("fillSlot").await;
    assert_eq!(s.wait_for_findings(tab, 1, 10).await, ["score:-"], "{browser:?}: the empty frame, once written into");
    // Frames grow (a resize) only in a tab being shown: bring the page's tab to the front,
    // as a person looking at it would.
    let shown = s
        .client
        .execute_async(
            r#"const [tab, done] = arguments;
               const api = globalThis.browser ?? globalThis.chrome;
               api.tabs.update(tab, { active: true }).then(() => done(true), (e) => done(String(e)));"#,
            vec![serde_json::json!(tab)],
        )
        .await
        .unwrap();
    assert_eq!(shown, serde_json::json!(true), "{browser:?}: showing the page's tab");
    in_page("growPixel").await;
    let mut found = s.wait_for_findings(tab, 2, 10).await;
    found.sort();
    assert_eq!(found, ["score:-", "widget:klout"], "{browser:?}: the 1×1 frame, once shown");
}

/// Verdicts that hang on the real host name (profile pages, name searches) are the native
/// tests': the browser serves every page from the test server.
fn page_level(engine: &unscored::engine::Engine, url: &str, expect: &[String]) -> bool {
    let plan = engine.plan(url);
    plan.profile.is_some()
        || plan.name_search.is_some()
        || expect.iter().any(|e| e.starts_with("profile:") || e.starts_with("listing:"))
}

/// `page_url`'s path on the test server, with `query` naming what to serve there and then the
/// page's own query (a list's sort), as the browser will report it (non-ASCII paths
/// percent-encoded).
fn served_at(server: &Server, page_url: &str, query: &str) -> String {
    let (path, own) = unscored::urls::Url::parse(page_url)
        .map(|u| (u.path.to_string(), u.query.to_string()))
        .unwrap_or_else(|_| ("/".into(), String::new()));
    let own = if own.is_empty() { String::new() } else { format!("&{own}") };
    url::Url::parse(&server.url(&format!("{path}?{query}{own}"))).map(String::from).unwrap_or_default()
}

/// The real-material corpus's snippets and saved pages, each served at its own path, through
/// the real content script: the browser must find what the native engine finds there.
/// Rows whose verdict hangs on a real host name (profile pages) are the native test's.
async fn real_material_agrees(browser: Browser) {
    use std::collections::BTreeSet;
    let server = Server::start();
    let s = start(browser, Options::default()).await;
    s.client.goto(&server.url("plain.html")).await.unwrap();
    s.open_extension_page("popup.html").await;
    let tab = s.other_tab_id().await;
    let engine = unscored::engine::EngineBuilder::new(unscored::catalog::Catalog::embedded()).build();
    let (mut differ, mut ran) = (Vec::new(), 0);
    for (i, row) in harness::realworld_rows().iter().enumerate() {
        let host_bound = page_level(&engine, &row.url, &row.expect);
        if row.kind == "url" || host_bound {
            continue;
        }
        let url = served_at(&server, &row.url, &format!("rw={i}"));
        let plan = engine.plan(&url);
        let (candidates, page) = unscored::html::collect(&row.document().unwrap_or_default(), &plan);
        let native: BTreeSet<String> = engine
            .findings(&url, &plan, &candidates, &page)
            .iter()
            .map(|f| format!("{}:{}", f.kind, f.service.as_deref().unwrap_or("-")))
            .collect();
        let got: BTreeSet<String> = s.findings_after_load(tab, &url).await.into_iter().collect();
        ran += 1;
        if got != native {
            differ.push(format!("{}: native {native:?}, {browser:?} {got:?}", row.at));
        }
    }
    assert!(differ.is_empty(), "{browser:?}: {} of {ran} corpus rows differ:\n{}", differ.len(), differ.join("\n"));
    assert!(ran >= 200, "{browser:?}: only {ran} corpus rows ran in the browser");
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn chromium_real_material() {
    real_material_agrees(Browser::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
async fn firefox_real_material() {
    real_material_agrees(Browser::Firefox).await;
}

#[tokio::test(flavor = "current_thread")]
async fn chromium_fixtures() {
    fixtures(Browser::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
async fn firefox_fixtures() {
    fixtures(Browser::Firefox).await;
}

/// The options page decides what is drawn: a kind switched off, one service switched off,
/// compact notes, and the person's own rules (a broken one refused with its line and column).
async fn annotation_choices(s: &Session, server: &Server, tab: i64) {
    use fantoccini::Locator;
    let ext = s.client.window().await.unwrap();
    let page = other_window(s, &ext).await;
    let options = format!("{}options.html", s.ext_base);
    let click = |css: String| async move {
        let e = s.wait_for(5, &css, || async { s.client.find(Locator::Css(&css)).await.ok() }).await;
        e.click().await.unwrap();
    };
    let saved = |css: &'static str| async move {
        s.wait_for(5, "the saved choice", || async { s.text_of(css).await.filter(|t| t.starts_with("Saved")) }).await
    };
    // What the page shows after a fresh load: (headline, tagline shown?) per note.
    let notes_on = |url: String| {
        let (ext, page) = (ext.clone(), page.clone());
        async move {
            s.findings_after_load(tab, &url).await;
            s.client.switch_to_window(page).await.unwrap();
            tokio::time::sleep(Duration::from_millis(500)).await;
            let mut out = Vec::new();
            for host in s.client.find_all(Locator::XPath(harness::NOTES)).await.unwrap() {
                let root = host.shadow_root().await.unwrap();
                let headline = root.find(Locator::Css(".headline")).await.unwrap().text().await.unwrap();
                let tagline = root.find(Locator::Css(".tagline")).await.unwrap().is_displayed().await.unwrap();
                out.push((headline, tagline));
            }
            s.client.switch_to_window(ext).await.unwrap();
            out
        }
    };
    let page_url = server.url("custom.html");
    // The page is ready once wasm drew its controls from the stored settings.
    let open_options = || async {
        s.client.goto(&options).await.unwrap();
        s.wait_for(5, "the options controls", || async { s.client.find(Locator::Css("#kinds input")).await.ok() })
            .await;
    };
    let show_only_klout = || async {
        s.client.find(Locator::Css("#filter")).await.unwrap().send_keys("klout").await.unwrap();
        s.wait_for(5, "the filter", || async { s.text_of("#shown").await.filter(|t| t.starts_with("1 of ")) }).await;
    };

    open_options().await;
    click("#kinds input[value=widget]".into()).await;
    saved("#shown-status").await;
    click("#compact".into()).await;
    saved("#shown-status").await;
    let rules = s.client.find(Locator::Css("#rules")).await.unwrap();
    rules.send_keys("! my forum\n127.0.0.1##.karma\n##span[class=").await.unwrap();
    click("#save-rules".into()).await;
    let problems = s
        .wait_for(5, "the rule problems", || async {
            Some(s.texts_of("#rules-status li").await).filter(|p| !p.is_empty())
        })
        .await;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("line 3, column "), "{:?}: {problems:?}", s.browser);
    assert_eq!(
        rules.prop("value").await.unwrap().unwrap(),
        "! my forum\n127.0.0.1##.karma\n##span[class=",
        "text kept"
    );
    // Not saved: the page shows the Klout badge only as listed, not drawn (widgets are off).
    assert_eq!(notes_on(format!("{page_url}?1")).await, Vec::<(String, bool)>::new(), "{:?}", s.browser);

    open_options().await;
    let rules = s.client.find(Locator::Css("#rules")).await.unwrap();
    rules.send_keys("! my forum\n127.0.0.1##.karma\n##.kudos-count").await.unwrap();
    click("#save-rules".into()).await;
    let said = s.wait_for(5, "the saved rules", || async { s.text_of("#rules-status p").await }).await;
    assert_eq!(said, "Saved 2 rules. Pages you open from now on use them.");
    let mut found = s.findings_after_load(tab, &format!("{page_url}?2")).await;
    found.sort();
    assert_eq!(found, ["widget:-", "widget:klout"], "{:?}: both are still found and listed", s.browser);
    // A page where only the person's rule finds anything, in its frames (one of them srcdoc):
    // every document learns of the rules without finding anything first.
    s.load_and_wait(tab, &server.url("custom-frames.html")).await;
    assert_eq!(s.wait_for_findings(tab, 2, 10).await, ["widget:-", "widget:-"], "{:?}", s.browser);
    assert_eq!(
        notes_on(format!("{page_url}?3")).await,
        [("Matched your rule".to_string(), false)],
        "{:?}: compact",
        s.browser
    );

    // Widgets back on, compact off, but Klout alone switched off.
    open_options().await;
    click("#kinds input[value=widget]".into()).await;
    saved("#shown-status").await;
    click("#compact".into()).await;
    saved("#shown-status").await;
    show_only_klout().await;
    click("#services li:not([hidden]) summary".into()).await;
    click("#services li:not([hidden]) .service-switch input".into()).await;
    saved("#services li:not([hidden]) .switch-status").await;
    assert_eq!(notes_on(format!("{page_url}?4")).await, [("Matched your rule".to_string(), true)], "{:?}", s.browser);
    s.popup_status(tab).await;
    assert_eq!(
        s.texts_of(".card .muted").await,
        ["Not drawn on the page: you switched this off in the settings."],
        "{:?}: the popup still lists Klout, and says why the page does not",
        s.browser
    );

    // Back as it was, for the rest of the suite.
    open_options().await;
    let rules = s.client.find(Locator::Css("#rules")).await.unwrap();
    rules.clear().await.unwrap();
    click("#save-rules".into()).await;
    show_only_klout().await;
    click("#services li:not([hidden]) summary".into()).await;
    click("#services li:not([hidden]) .service-switch input".into()).await;
    saved("#services li:not([hidden]) .switch-status").await;
    let notes = notes_on(format!("{page_url}?5")).await;
    assert_eq!(notes, [("Klout score widget".to_string(), true)], "{:?}", s.browser);
    // No rules of their own: pages scan with the shipped plan again, so the rules are gone.
    s.load_and_wait(tab, &server.url("custom-frames.html")).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(s.findings(tab).await, Vec::<String>::new(), "{:?}", s.browser);
    s.client.goto(&format!("{}popup.html", s.ext_base)).await.unwrap();
}

/// Settings that cannot be read (a bug, a bad sync): the options page says so, Unscored runs on
/// its defaults, and the next change keeps the unreadable copy aside instead of losing it.
async fn unreadable_storage(s: &Session) {
    use fantoccini::Locator;
    let storage = |script: &'static str| s.extension_script(script);
    s.client.goto(&format!("{}options.html", s.ext_base)).await.unwrap();
    storage("api.storage.local.set({ settings: { quiet_sites: 5 } })").await;
    s.client.refresh().await.unwrap();
    let said = s.wait_for(5, "the storage notice", || async { s.text_of(".storage-problem").await }).await;
    assert!(
        // The reason in brackets is the browser's own words, which differ between browsers.
        said.starts_with("Your saved settings could not be read (")
            && said.contains("). Unscored uses its defaults; when you next change something"),
        "{:?}: {said}",
        s.browser
    );
    let compact =
        s.wait_for(5, "the compact switch", || async { s.client.find(Locator::Css("#compact")).await.ok() }).await;
    compact.click().await.unwrap();
    s.wait_for(5, "the saved choice", || async { s.text_of("#shown-status").await.filter(|t| t.starts_with("Saved")) })
        .await;
    let kept = storage("api.storage.local.get(['settings', 'settings-unreadable'])").await;
    assert_eq!(kept["settings-unreadable"], serde_json::json!({ "quiet_sites": 5 }), "{:?}: {kept}", s.browser);
    assert_eq!(kept["settings"]["compact"], true);
    s.client.refresh().await.unwrap();
    s.wait_for(5, "the options controls", || async { s.client.find(Locator::Css("#kinds input")).await.ok() }).await;
    assert!(s.text_of(".storage-problem").await.is_none(), "{:?}: readable again", s.browser);
    s.client.find(Locator::Css("#compact")).await.unwrap().click().await.unwrap();
    s.wait_for(5, "the saved choice", || async { s.text_of("#shown-status").await.filter(|t| t.starts_with("Saved")) })
        .await;
    storage("api.storage.local.remove('settings-unreadable')").await;
    s.client.goto(&format!("{}popup.html", s.ext_base)).await.unwrap();
}

/// The flag quiet.js sets, as the tab's content script sees it.
async fn quiet_flag(s: &Session, tab: i64) -> serde_json::Value {
    s.client
        .execute_async(
            r#"const [tab, done] = arguments;
               const api = globalThis.browser ?? globalThis.chrome;
               api.scripting.executeScript({ target: { tabId: tab }, func: () => globalThis.__unscoredQuiet === true })
                 .then((r) => done(r[0]?.result ?? null), (e) => done(String(e)));"#,
            vec![serde_json::json!(tab)],
        )
        .await
        .unwrap()
}

/// "Stay quiet on this site" from the popup: the next load of the site is left alone, and
/// "Look at it again" brings the notes back.
async fn quiet_site_switch(s: &Session, server: &Server, tab: i64) {
    use fantoccini::Locator;
    let page = server.url("klout-badge.html");
    let quiet_flag = || quiet_flag(s, tab);
    let popup = |quiet_text: &'static str| async move {
        let status = s.popup_status(tab).await;
        let button = s
            .wait_for(5, "the quiet switch", || async { s.client.find(Locator::Css("button.quiet")).await.ok() })
            .await;
        assert_eq!(button.text().await.unwrap(), quiet_text, "{:?}", s.browser);
        button.click().await.unwrap();
        s.wait_for(5, "the saved setting", || async {
            let t = s.text_of("button.quiet").await?;
            (t == "Saved. Reload the page to apply it.").then_some(())
        })
        .await;
        status
    };
    assert_eq!(s.findings_after_load(tab, &page).await, ["widget:klout"]);
    assert_eq!(popup("Stay quiet on 127.0.0.1").await, "1 finding on this page");
    // A new address each time, so the wait cannot be satisfied by the previous load.
    let stats = s.load_and_wait(tab, &format!("{page}?quiet")).await;
    assert_eq!(stats["quiet"], true, "{:?}", s.browser);
    assert!(s.findings(tab).await.is_empty());
    // Told before it looked (quiet.js, registered for the site): it did not even scan.
    assert_eq!(quiet_flag().await, serde_json::json!(true), "{:?}", s.browser);
    // A page with nothing to find never reads the quiet list (it scans with the plan shipped
    // in the content script): the popup still says the site is quiet.
    s.load_and_wait(tab, &server.url("plain.html?quiet")).await;
    assert_eq!(
        s.popup_status(tab).await,
        "Unscored stays quiet on 127.0.0.1, as you asked.",
        "{:?}: quiet, nothing found",
        s.browser
    );
    s.client.goto(&format!("{}options.html", s.ext_base)).await.unwrap();
    let listed =
        s.wait_for(5, "the quiet site on the options page", || async { s.text_of("#quiet-sites .host").await }).await;
    assert_eq!(listed, "127.0.0.1");
    assert_eq!(popup("Look at 127.0.0.1 again").await, "Unscored stays quiet on 127.0.0.1, as you asked.");
    assert_eq!(
        s.findings_after_load(tab, &format!("{page}?again")).await,
        ["widget:klout"],
        "{:?}: back on",
        s.browser
    );
    assert_eq!(quiet_flag().await, serde_json::json!(false), "{:?}", s.browser);
    s.client.goto(&format!("{}popup.html", s.ext_base)).await.unwrap();
}

/// The browser stops an idle background (Chromium's service worker, Firefox's event page)
/// between any two events. What it saw of a tab, the popup's switch, and two quick changes
/// of settings all survive; stored rules that no longer parse are kept, not dropped.
async fn lifecycle(browser: Browser) {
    use fantoccini::Locator;
    let server = Server::start();
    let s = start(browser, Options { sleepy_background: true, ..Options::default() }).await;
    s.client.goto(&server.url("plain.html")).await.unwrap();
    s.open_extension_page("popup.html").await;
    let tab = s.other_tab_id().await;
    let run = |script: &'static str| s.extension_script(script);

    // A tab closed while its "left" message was lost left its entry behind: the next page's
    // first scan takes it away.
    run("api.storage.session.set({'tab:987654321': {findings: [], seq: 3}})").await;
    s.stop_background().await;
    s.client.goto(&format!("{}popup.html", s.ext_base)).await.unwrap();
    // A page with a badge, then the background sleeps: the popup still lists the finding.
    assert_eq!(s.findings_after_load(tab, &server.url("klout-badge.html?restart")).await, ["widget:klout"]);
    s.wait_for(10, "the closed tab's entry to go", || async {
        let left = run("api.storage.session.get('tab:987654321')").await;
        (left == serde_json::json!({})).then_some(())
    })
    .await;
    s.stop_background().await;
    assert_eq!(s.popup_status(tab).await, "1 finding on this page", "{browser:?}: after a restart");
    assert_eq!(s.badge_text(tab).await, "1", "{browser:?}: badge after a restart");

    // A page with nothing to find (and a blank frame): "nothing here" and the quiet switch,
    // not "not looked at".
    s.load_and_wait(tab, &server.url("recipes.html?restart")).await;
    s.stop_background().await;
    assert_eq!(s.popup_status(tab).await, "Nothing on this page scores or profiles you.", "{browser:?}");
    s.wait_for(5, "the quiet switch after a restart", || async {
        s.client.find(Locator::Css("button.quiet")).await.ok()
    })
    .await;
    // The popup learned that from the tab itself: the page sent the background nothing.
    assert_eq!(
        s.tab_stats(tab).await,
        serde_json::Value::Null,
        "{browser:?}: a page with nothing to find sends nothing"
    );

    // Two changes sent at once, the second before the first is saved: both stay.
    s.stop_background().await;
    s.client.goto(&format!("{}popup.html", s.ext_base)).await.unwrap();
    let both = run("Promise.all([api.runtime.sendMessage({type: 'configure', kind: 'score', shown: false}), \
                      api.runtime.sendMessage({type: 'configure', kind: 'consent', shown: false})]) \
         .then(() => api.storage.local.get('settings')).then((o) => o.settings.hidden_kinds)")
    .await;
    assert_eq!(both, serde_json::json!(["consent", "score"]), "{browser:?}: two quick changes");

    // Rules saved by an older version, one line of which no longer parses: kept as text, the
    // broken line named on the options page, and a later change saves them unchanged.
    run("api.storage.local.set({settings: {custom_rules: 'example.org##.kudos\\n##div['}})").await;
    s.stop_background().await;
    s.client.goto(&format!("{}options.html", s.ext_base)).await.unwrap();
    let said = s
        .wait_for(10, "the broken rule named", || async { s.text_of("#rules-status").await.filter(|t| !t.is_empty()) })
        .await;
    assert!(said.contains("line 2"), "{browser:?}: {said}");
    let text = s.client.find(Locator::Css("#rules")).await.unwrap().prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(text, "example.org##.kudos\n##div[", "{browser:?}: the rules are shown as stored");
    run("api.runtime.sendMessage({type: 'configure', compact: true})").await;
    let kept = run("api.storage.local.get('settings').then((o) => o.settings.custom_rules)").await;
    assert_eq!(kept, serde_json::json!("example.org##.kudos\n##div["), "{browser:?}: a later change keeps the rules");
    run("api.storage.local.remove('settings')").await;

    // A quiet site is a script the browser keeps registered (quiet.js), not the background's
    // memory: stopped between the switch and the next page, the page is still told at once.
    for quiet in [true, false] {
        s.client.goto(&format!("{}popup.html", s.ext_base)).await.unwrap();
        let set = format!("api.runtime.sendMessage({{type: 'set-quiet', host: '127.0.0.1', quiet: {quiet}}})");
        s.extension_script(&set).await;
        s.stop_background().await;
        s.client.goto(&format!("{}popup.html", s.ext_base)).await.unwrap();
        s.load_and_wait(tab, &server.url(&format!("recipes.html?quiet={quiet}"))).await;
        let flag = quiet_flag(&s, tab).await;
        assert_eq!(flag, serde_json::json!(quiet), "{browser:?}: quiet {quiet} after a restart");
    }

    s.client.goto(&format!("{}popup.html", s.ext_base)).await.unwrap();
    page_changes(&s, &server, tab).await;
    hostile_page(&s, &server, tab).await;
    hostile_pages(&s, &server, tab).await;
    fake_notes(&s, &server, tab).await;
    back_to_a_kept_page(&s, &server, tab).await;
    s.close().await;
}

/// A page that hides `unscored-note`, popovers and the last element, clips the badge's box
/// and lays a transparent cover over everything: the note is still there, on top, where the
/// person can see and click it.
async fn hostile_page(s: &Session, server: &Server, tab: i64) {
    assert_eq!(s.findings_after_load(tab, &server.url("hostile.html")).await, ["widget:klout"], "{:?}", s.browser);
    let ext = s.client.window().await.unwrap();
    let page = other_window(s, &ext).await;
    s.client.switch_to_window(page).await.unwrap();
    let seen = s
        .wait_for(10, "the note on the hostile page", || async {
            let v = s
                .client
                .execute(
                    &format!(
                        "const host = document.evaluate(\"{}\", document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
                         if (!host) return null;
                         const r = host.getBoundingClientRect();
                         const at = document.elementFromPoint(r.left + 8, r.top + 8);
                         return {{ width: r.width, height: r.height, onTop: at === host, display: getComputedStyle(host).display }};",
                        harness::NOTES
                    ),
                    vec![],
                )
                .await
                .ok()?;
            (v["width"].as_f64()? > 0.0).then_some(v)
        })
        .await;
    assert_eq!(seen["display"], "block", "{:?}: {seen}", s.browser);
    assert!(seen["height"].as_f64().unwrap_or(0.0) > 10.0, "{:?}: not clipped: {seen}", s.browser);
    assert_eq!(seen["onTop"], true, "{:?}: above the page's cover: {seen}", s.browser);
    s.client.switch_to_window(ext).await.unwrap();
}

/// A page that draws look-alikes of Unscored's notes (a fake way out, a fake "nothing here"),
/// each with a sign it had to guess: the badge and popup count the real finding only, the
/// popup shows the install's sign, only the real note carries it, and the page cannot read it.
async fn fake_notes(s: &Session, server: &Server, tab: i64) {
    let b = s.browser;
    assert_eq!(s.findings_after_load(tab, &server.url("fake-note.html")).await, ["widget:klout"], "{b:?}");
    // The sign and the finding come from storage, not from a background that drew them.
    s.stop_background().await;
    assert_eq!(s.popup_status(tab).await, "1 finding on this page", "{b:?}");
    assert_eq!(s.badge_text(tab).await, "1", "{b:?}: the look-alikes are not counted");
    let sign =
        s.wait_for(5, "the sign in the popup", || async { s.text_of(".sign b").await.filter(|t| !t.is_empty()) }).await;
    assert!(unscored::sign::is_sign(&sign), "{b:?}: {sign:?}");
    let ext = s.client.window().await.unwrap();
    let page = other_window(s, &ext).await;
    s.client.switch_to_window(page).await.unwrap();
    let notes = s
        .wait_for(10, "the real note beside the fakes", || async {
            let n = s.annotations().await;
            (n.len() == 3).then_some(n)
        })
        .await;
    let signed: Vec<_> = notes.iter().filter(|n| n.sign == sign).collect();
    assert_eq!(signed.len(), 1, "{b:?}: one note carries the popup's sign: {notes:?}");
    assert_eq!((signed[0].headline.as_str(), signed[0].anchor_id.as_str()), ("Klout score widget", "badge"), "{b:?}");
    let leaked = s
        .client
        .execute(
            "const s = arguments[0]; return document.documentElement.outerHTML.includes(s) || document.body.innerText.includes(s);",
            vec![serde_json::json!(sign)],
        )
        .await
        .unwrap();
    assert_eq!(leaked, serde_json::json!(false), "{b:?}: the page's scripts can read the sign");
    s.client.switch_to_window(ext).await.unwrap();
}

/// Back to a page the browser kept in memory (its back/forward cache: no new document, no
/// new content script): the finding, the badge and the one note come back with it.
async fn back_to_a_kept_page(s: &Session, server: &Server, tab: i64) {
    let b = s.browser;
    assert_eq!(s.findings_after_load(tab, &server.url("klout-badge.html?kept")).await, ["widget:klout"], "{b:?}");
    let ext = s.client.window().await.unwrap();
    let page = other_window(s, &ext).await;
    // The person follows a link, then goes back (history made by the page, as a click makes it).
    s.client.switch_to_window(page.clone()).await.unwrap();
    let next = serde_json::json!(server.url("plain.html?left"));
    s.client.execute("window.keptMark = true; location.href = arguments[0];", vec![next]).await.unwrap();
    s.client.switch_to_window(ext.clone()).await.unwrap();
    s.wait_for(10, "the badge to clear on the next page", || async {
        (s.badge_text(tab).await.is_empty()).then_some(())
    })
    .await;
    s.client.switch_to_window(page.clone()).await.unwrap();
    s.client.execute("history.back();", vec![]).await.unwrap();
    s.client.switch_to_window(ext.clone()).await.unwrap();
    assert_eq!(s.wait_for_findings(tab, 1, 15).await, ["widget:klout"], "{b:?}: back");
    assert_eq!(s.badge_text(tab).await, "1", "{b:?}: the badge after going back");
    s.client.switch_to_window(page).await.unwrap();
    let kept = s.client.execute("return window.keptMark === true;", vec![]).await.unwrap();
    let notes = s.client.execute(&format!("return {NOTE_COUNT}"), vec![]).await.unwrap();
    s.client.switch_to_window(ext).await.unwrap();
    eprintln!("{b:?}: back to the page kept in memory: {kept}");
    assert_eq!(notes, serde_json::json!(1), "{b:?}: one note after going back");
}

/// From an extension page: points `tab` at `url` without waiting (a fragment change, say).
/// Pages that break the DOM for everyone, flood it with changes, are huge, or frame the
/// badge in a sandbox: the badge is found once each time.
async fn hostile_pages(s: &Session, server: &Server, tab: i64) {
    let b = s.browser;
    let badge = ["widget:klout"];
    // Every DOM method a content script uses, redefined to throw in the page's own world.
    assert_eq!(s.findings_after_load(tab, &server.url("hostile-dom.html")).await, badge, "{b:?}: DOM rewritten");
    assert_eq!(s.badge_text(tab).await, "1", "{b:?}");
    // 100,000 elements with the badge last.
    assert_eq!(s.findings_after_load(tab, &server.url("hostile-100k.html")).await, badge, "{b:?}: 100,000 elements");
    // About 10,000 mutations a second for five seconds (some with score words), then the badge.
    let url = server.url("storm.html");
    s.load_and_wait(tab, &url).await;
    set_tab_url(s, tab, &format!("{url}#storm")).await;
    s.wait_for_findings(tab, 1, 25).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert_eq!(s.findings(tab).await, badge, "{b:?}: after the mutation storm");
    // A person's score 2,000 elements deep (walked without recursion).
    let deep = s.findings_after_load(tab, &server.url("hostile-deep.html")).await;
    assert_eq!(deep, ["score:-"], "{b:?}: nested 2,000 deep");
    // The badge inside a sandboxed frame.
    s.load_and_wait(tab, &server.url("sandboxed.html")).await;
    assert_eq!(s.wait_for_findings(tab, 1, 15).await, badge, "{b:?}: in a sandboxed frame");
}

async fn set_tab_url(s: &Session, tab: i64, url: &str) {
    s.client
        .execute_async(
            "const [tab, url, done] = arguments; const api = globalThis.browser ?? globalThis.chrome; \
             api.tabs.update(tab, {url}).then(() => done(null), (e) => done(String(e)));",
            vec![serde_json::json!(tab), serde_json::json!(url)],
        )
        .await
        .unwrap();
}

async fn sorted_findings(s: &Session, tab: i64) -> Vec<String> {
    let mut f = s.findings(tab).await;
    f.sort();
    f
}

/// Scripts change a page after load: a badge's frame pointed elsewhere is still one widget,
/// a score filled in later is seen, and a page open while the rules change is judged with
/// the new rules' plan, not the old one's group numbers.
async fn page_changes(s: &Session, server: &Server, tab: i64) {
    let url = server.url("changes.html");
    assert_eq!(s.findings_after_load(tab, &url).await, ["widget:klout"], "{:?}", s.browser);
    set_tab_url(s, tab, &format!("{url}#resize")).await;
    tokio::time::sleep(Duration::from_millis(2000)).await;
    assert_eq!(s.findings(tab).await, ["widget:klout"], "{:?}: a changed src is the same widget", s.browser);
    assert_eq!(s.badge_text(tab).await, "1", "{:?}", s.browser);

    // Text with score words that scores nobody: the background hears of it, stores nothing.
    let scans = |st: serde_json::Value| st["scans"].as_u64().unwrap_or(0);
    let before = scans(s.tab_stats(tab).await);
    set_tab_url(s, tab, &format!("{url}#chatter")).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(scans(s.tab_stats(tab).await), before, "{:?}: a scan that changed nothing wrote nothing", s.browser);

    set_tab_url(s, tab, &format!("{url}#fill")).await;
    s.wait_for_findings(tab, 2, 10).await;
    assert_eq!(sorted_findings(s, tab).await, ["score:-", "widget:klout"], "{:?}: a score filled in later", s.browser);
    assert_eq!(scans(s.tab_stats(tab).await), before + 1, "{:?}: the scan that found it, stored once", s.browser);

    // New rules while the page is open; then the page adds a scorer-named element.
    s.extension_script("api.runtime.sendMessage({type: 'configure', rules: '##.kudos'})").await;
    set_tab_url(s, tab, &format!("{url}#slot")).await;
    s.wait_for_findings(tab, 3, 10).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        sorted_findings(s, tab).await,
        ["score:-", "widget:klout", "widget:klout"],
        "{:?}: judged with the new plan (no false 'Matched your rule')",
        s.browser
    );
}

#[tokio::test(flavor = "current_thread")]
async fn chromium_lifecycle() {
    lifecycle(Browser::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
async fn firefox_lifecycle() {
    lifecycle(Browser::Firefox).await;
}

/// Our note hosts on the page, counted from the page itself.
const NOTE_COUNT: &str = "[...document.querySelectorAll('*')].filter(e => e.localName.startsWith('unscored-')).length";

/// A tab opened before the extension was installed gets its note, once; after a reload of the
/// extension (what an update does) the old copy leaves and the new one draws it, still once.
/// Chromium injects nothing into open tabs by itself: the background does it on install.
#[tokio::test(flavor = "current_thread")]
async fn chromium_tabs_open_before_install() {
    use serde_json::json;
    let server = Server::start();
    let mut b = harness::PipeChromium::start();
    let page = b.open(&server.url("klout-badge.html"));
    // The new tab starts as about:blank, itself "complete": wait for the badge page's document.
    b.wait_until(
        &page,
        "location.pathname.endsWith('klout-badge.html') && document.readyState === 'complete'",
        15,
        "the badge page to load",
    );
    assert_eq!(b.eval(&page, NOTE_COUNT), json!(0), "no extension yet, no note");
    // A mark in the page's own world: the note must come to this document, not a reload.
    b.eval(&page, "window.openedBefore = true");
    let dist = harness::dist();
    let mut installed = String::new();
    for round in ["install", "reload"] {
        if round == "reload" {
            b.call("Extensions.uninstall", json!({"id": installed}), None).expect("Extensions.uninstall");
            // Removed, the extension's notes go when the person next comes back to the tab.
            assert_eq!(b.eval(&page, NOTE_COUNT), json!(1), "the note stays until the tab is looked at");
            b.eval(&page, "document.dispatchEvent(new Event('visibilitychange'))");
            b.wait_until(&page, &format!("{NOTE_COUNT} === 0"), 5, "the note of the removed extension to go");
        }
        let r = b.call("Extensions.loadUnpacked", json!({"path": dist}), None).expect("Extensions.loadUnpacked");
        installed = r["id"].as_str().unwrap_or_default().to_string();
        b.wait_until(&page, &format!("{NOTE_COUNT} >= 1"), 20, &format!("the note after {round}"));
        std::thread::sleep(Duration::from_millis(1500));
        assert_eq!(b.eval(&page, NOTE_COUNT), json!(1), "one note on the tab open before {round}");
        assert_eq!(b.eval(&page, "window.openedBefore"), json!(true), "the tab was not reloaded ({round})");
    }
}

/// Firefox puts declared content scripts into open tabs itself, and the background injects
/// too: the page still gets one note, after install and after an update.
#[tokio::test(flavor = "current_thread")]
async fn firefox_tabs_open_before_install() {
    let server = Server::start();
    let s = start(Browser::Firefox, Options { extension: harness::Extension::None, ..Options::default() }).await;
    s.client.goto(&server.url("klout-badge.html")).await.unwrap();
    assert!(s.annotations().await.is_empty(), "no extension yet, no note");
    for round in ["install", "update"] {
        s.install_addon(&harness::dist()).await;
        s.wait_for_annotations(&format!("the note after {round}")).await;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let count = s.client.execute(&format!("return {NOTE_COUNT}"), vec![]).await.unwrap();
        assert_eq!(count, serde_json::json!(1), "one note on the tab open before {round}");
    }
    s.close().await;
}

/// Pages with nothing to find wake nothing: once the service worker has stopped, loading such
/// pages one after another (and leaving them) leaves it stopped. A page with a badge starts it,
/// so the check can see a running worker. (Listening to tabs.onUpdated woke it on every load.)
#[tokio::test(flavor = "current_thread")]
async fn chromium_nothing_wakes_the_background() {
    let server = Server::start();
    let s = start(Browser::Chromium, Options { local_hosts: vec!["widgets.klout.com"], ..Options::default() }).await;
    s.client.goto(&server.url("plain.html")).await.unwrap();
    tokio::time::sleep(Duration::from_secs(2)).await;
    let workers = || async {
        let targets = s.cdp("Target.getTargets", serde_json::json!({})).await.expect("CDP Target.getTargets");
        targets["targetInfos"]
            .as_array()
            .map(|all| {
                all.iter()
                    .filter(|t| {
                        t["type"] == "service_worker"
                            && t["url"].as_str().is_some_and(|u| u.starts_with("chrome-extension://"))
                    })
                    .count()
            })
            .unwrap_or(0)
    };
    s.stop_background().await;
    s.wait_for(10, "the service worker to stop", || async { (workers().await == 0).then_some(()) }).await;
    // mentions.html names scores (headings, a scorer's link) but shows no value: nothing to send.
    for page in [
        "plain.html?again",
        "bench-article.html",
        "bench-feed.html",
        "bench-frames.html",
        "mentions.html",
        "plain.html?last",
    ] {
        s.client.goto(&server.url(page)).await.unwrap();
        tokio::time::sleep(Duration::from_millis(800)).await;
    }
    assert_eq!(workers().await, 0, "pages with nothing to find started the background");
    s.client.goto(&server.url("klout-badge.html")).await.unwrap();
    s.wait_for(15, "the badge page to start the background", || async { (workers().await > 0).then_some(()) }).await;
    s.close().await;
}

/// Loads `url` in the tab `page`, in the foreground as a person would, then goes back to the
/// extension page `back`, from which the bench reads what it cost.
/// What the content script says in every frame of `tab` (extension/status.js), run from the
/// extension page in front; None while the tab cannot be asked.
async fn frame_statuses(s: &Session, tab: i64) -> Option<Vec<serde_json::Value>> {
    let v = s
        .client
        .execute_async(
            r#"const [tab, done] = arguments;
               const api = globalThis.browser ?? globalThis.chrome;
               api.scripting.executeScript({ target: { tabId: tab, allFrames: true }, files: ["status.js"] })
                 .then((rs) => done(rs.map((r) => r.result).filter((x) => x)), () => done(null));"#,
            vec![serde_json::json!(tab)],
        )
        .await
        .ok()?;
    v.as_array().cloned()
}

/// A Firefox session for the bench: the extension's options page in front (it runs the
/// status script in the other tab) and a page tab behind it: (session, page tab's id,
/// options window, page window).
async fn firefox_bench_session(
    server: &Server,
    opts: Options,
) -> (Session, i64, fantoccini::wd::WindowHandle, fantoccini::wd::WindowHandle) {
    let f = start(Browser::Firefox, opts).await;
    f.client.goto(&server.url("plain.html?warm")).await.unwrap();
    f.open_extension_page("options.html").await;
    let tab = f.other_tab_id().await;
    let ext_tab = f.client.window().await.unwrap();
    let page = other_window(&f, &ext_tab).await;
    (f, tab, ext_tab, page)
}

async fn load_in_front(
    s: &Session,
    page: &fantoccini::wd::WindowHandle,
    url: &str,
    back: &fantoccini::wd::WindowHandle,
) {
    s.client.switch_to_window(page.clone()).await.unwrap();
    s.client.goto(url).await.unwrap();
    s.client.switch_to_window(back.clone()).await.unwrap();
}

async fn other_window(s: &Session, not: &fantoccini::wd::WindowHandle) -> fantoccini::wd::WindowHandle {
    s.client.windows().await.unwrap().into_iter().find(|w| w != not).expect("the extension page's tab")
}

#[tokio::test(flavor = "current_thread")]
async fn chromium() {
    suite(Browser::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
async fn firefox() {
    suite(Browser::Firefox).await;
}

/// Firefox lets people withhold site access: the popup says so and offers to ask for it.
#[tokio::test(flavor = "current_thread")]
async fn firefox_without_host_permission() {
    let server = Server::start();
    let s = start(Browser::Firefox, Options { grant_hosts: false, ..Options::default() }).await;
    s.client.goto(&server.url("klout-badge.html")).await.unwrap();
    s.open_extension_page("popup.html").await;
    let notice = s.wait_for(10, "the permission notice", || async { s.text_of(".notice p").await }).await;
    assert_eq!(notice, "Unscored is not allowed to read websites, so it cannot find scores or profiles on them.");
    assert_eq!(s.text_of(".notice button").await.as_deref(), Some("Allow Unscored on all websites"));
    s.close().await;
}

/// `./build.sh demo`: the demo page with the extension at work; headless, a screenshot.
#[tokio::test(flavor = "current_thread")]
#[ignore = "run by ./build.sh demo"]
async fn demo() {
    let server = Server::start();
    let headed = std::env::var_os("UNSCORED_DEMO_HEADED").is_some();
    let s = start(Browser::Chromium, Options { headed, ..Options::default() }).await;
    s.client.goto(&server.url("demo.html")).await.unwrap();
    let notes = s.wait_for_annotations("annotations on the demo page").await;
    println!("demo page annotated: {}", notes.iter().map(|n| n.headline.as_str()).collect::<Vec<_>>().join(", "));
    if headed {
        println!("close the browser window to end the demo");
        while s.client.windows().await.map(|w| !w.is_empty()).unwrap_or(false) {
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        return;
    }
    // Open the first note, as a curious reader would.
    if let Some(host) = s.client.find_all(fantoccini::Locator::XPath(harness::NOTES)).await.unwrap().first() {
        if let Ok(root) = host.shadow_root().await {
            if let Ok(pill) = root.find(fantoccini::Locator::Css(".pill")).await {
                let _ = pill.click().await;
            }
        }
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = s.client.screenshot().await.unwrap();
    let out = std::env::var("UNSCORED_DEMO_OUT").unwrap_or_else(|_| "dist/demo.png".into());
    std::fs::write(&out, png).unwrap();
    println!("screenshot written to {out}");
    // The toolbar popup for that tab, opened as a page.
    s.open_extension_page("popup.html").await;
    let tab = s.other_tab_id().await;
    s.popup_status(tab).await;
    let popup_out = out.replace(".png", "-popup.png");
    std::fs::write(&popup_out, s.client.screenshot().await.unwrap()).unwrap();
    println!("popup screenshot written to {popup_out}");
    s.client.goto(&format!("{}options.html", s.ext_base)).await.unwrap();
    s.wait_for(10, "the options page", || async { s.text_of("#version").await }).await;
    let options_out = out.replace(".png", "-options.png");
    std::fs::write(&options_out, s.client.screenshot().await.unwrap()).unwrap();
    println!("options screenshot written to {options_out}");
    s.close().await;
}

/// `./build.sh bench`: URL classification in wasm and the whole scan of a 10,000-element
/// page in headless Chromium. Prints `name<TAB>value<TAB>unit` rows (also appended to
/// `UNSCORED_BENCH_OUT`). Numbers, not assertions: targets live in the bench report.
#[tokio::test(flavor = "current_thread")]
#[ignore = "run by ./build.sh bench"]
async fn bench() {
    let server = Server::start();
    let hosts = vec!["www.spokeo.com"];
    let site = Server::start_tls(&hosts);
    let s = start(Browser::Chromium, Options { local_hosts: hosts, ..Options::default() }).await;
    s.client.goto(&server.url("plain.html")).await.unwrap();
    s.open_extension_page("options.html").await;
    let tab = s.other_tab_id().await;
    let ns = s
        .client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               import(new URL("unscored.js", location.href).href)
                 .then(async (m) => { await m.default({ module_or_path: "unscored_bg.wasm" }); m.bench_classify(2000); done(m.bench_classify(50000)); })
                 .catch((e) => done(String(e)));"#,
            vec![],
        )
        .await
        .unwrap();
    let ns = ns.as_f64().unwrap_or_else(|| panic!("wasm bench failed: {ns}"));
    let mut rows = vec![("wasm_classify_url".to_string(), ns / 1000.0, "µs/url")];
    let mut collect = Vec::new();
    let mut engine = Vec::new();
    let control = s.client.window().await.unwrap();
    let page = other_window(&s, &control).await;
    let url = server.url("bench-10k.html");
    for _ in 0..7 {
        load_in_front(&s, &page, &url, &control).await;
        let st = s
            .wait_for(20, "the bench page's scan", || async {
                let st = s.tab_stats(tab).await;
                (st["url"] == url.as_str() && st["scans"].as_u64().unwrap_or(0) >= 1).then_some(st)
            })
            .await;
        collect.push(st["collect_ms"].as_f64().unwrap());
        engine.push(st["engine_ms"].as_f64().unwrap());
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v[v.len() / 2]
    };
    let (c, e) = (median(&mut collect), median(&mut engine));
    rows.push(("chromium_content_script_collect_10k".into(), c, "ms"));
    rows.push(("chromium_wasm_engine_10k".into(), e, "ms"));
    rows.push(("chromium_scan_total_10k".into(), c + e, "ms"));
    // Background cold start: the service worker stopped, then a message from the popup; the
    // time to its answer includes starting the worker and the wasm.
    let mut cold = Vec::new();
    for _ in 0..7 {
        s.stop_background().await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let ms = s
            .client
            .execute_async(
                r#"const [tab, done] = arguments; const api = globalThis.chrome; const t0 = performance.now();
                   api.runtime.sendMessage({ type: "tab-stats", tab }).then(() => done(performance.now() - t0), (e) => done(String(e)));"#,
                vec![serde_json::json!(tab)],
            )
            .await
            .unwrap();
        cold.push(ms.as_f64().unwrap_or(f64::NAN));
    }
    rows.push(("chromium_background_cold_start_to_answer".into(), median(&mut cold), "ms"));
    // The wake-up that needs the engine: a catalogued site's page asks for its plan while
    // the worker is stopped. The worker's own marks (ms since it started) say where it goes.
    let profile = format!("https://www.spokeo.com:{}/John-Smith/California/Los-Angeles", site.port);
    let mut steps: Vec<(&str, Vec<f64>)> =
        ["script", "event", "wasm", "handler", "decoded", "catalog", "stored", "engine", "answer"]
            .into_iter()
            .map(|k| (k, Vec::new()))
            .collect();
    for _ in 0..7 {
        s.stop_background().await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        load_in_front(&s, &page, &profile, &control).await;
        let marks = s
            .wait_for(20, "the profile page's plan answer", || async {
                let m = s
                    .client
                    .execute_async(
                        r#"const done = arguments[arguments.length - 1];
                           chrome.runtime.sendMessage({ type: "timings" }).then(done, (e) => done(String(e)));"#,
                        vec![],
                    )
                    .await
                    .ok()?;
                m.get("engine").is_some().then_some(m)
            })
            .await;
        for (k, v) in steps.iter_mut() {
            v.push(marks[*k].as_f64().unwrap_or(f64::NAN));
        }
    }
    for (k, mut v) in steps {
        rows.push((format!("chromium_cold_plan_{k}_at"), median(&mut v), "ms"));
    }
    s.close().await;
    // Firefox: what the first look costs each document, frames included (each builds its own
    // script state and wrappers), as the content script timed it, read from every frame.
    // Timers at full precision in this session (Firefox rounds them to 1 ms otherwise).
    let (f, tab, ext_tab, page) =
        firefox_bench_session(&server, Options { precise_timers: true, ..Options::default() }).await;
    for (name, file, docs) in [("frames", "bench-frames.html", 13), ("10k", "bench-10k.html", 1)] {
        let (mut top, mut frames) = (Vec::new(), Vec::new());
        // A page of one document gives one time a load: more loads, or its median moves by
        // more than the changes it is there to show (the frames page gives 13 a load).
        let rounds = if docs == 1 { 17 } else { 9 };
        for round in 0..rounds {
            let url = server.url(&format!("{file}?round={round}"));
            load_in_front(&f, &page, &url, &ext_tab).await;
            // The loaded page's time first, then its frames'.
            let times = f
                .wait_for(20, "every document's first scan", || async {
                    let st: Vec<_> =
                        frame_statuses(&f, tab).await?.into_iter().filter(|x| x["scan_ms"].is_number()).collect();
                    let at = st.iter().position(|x| x["url"] == url.as_str())?;
                    let others = st.iter().enumerate().filter(|(i, _)| *i != at).map(|(_, x)| x["scan_ms"].as_f64());
                    (st.len() >= docs).then(|| {
                        std::iter::once(st[at]["scan_ms"].as_f64()).chain(others).flatten().collect::<Vec<f64>>()
                    })
                })
                .await;
            // The first two rounds warm the browser's caches, as a person's second visit would.
            if round >= 2 {
                top.push(times[0]);
                frames.extend_from_slice(&times[1..]);
            }
        }
        rows.push((format!("firefox_first_scan_{name}_page"), median(&mut top), "ms"));
        if !frames.is_empty() {
            rows.push((format!("firefox_first_scan_{name}_per_frame"), median(&mut frames), "ms"));
        }
    }
    f.close().await;
    // Firefox's cold start as a page meets it: the event page asleep (it sleeps after
    // FIREFOX_IDLE_MS here), a badge page's first scan asks it and waits for the answer.
    let opts = Options {
        precise_timers: true,
        sleepy_background: true,
        local_hosts: vec!["widgets.klout.com"],
        ..Options::default()
    };
    let (f, tab, ext_tab, page) = firefox_bench_session(&server, opts).await;
    // The same page again at once, the event page still awake: what waking adds is the difference.
    let (mut cold, mut warm) = (Vec::new(), Vec::new());
    for (round, asleep) in (0..14).map(|i| (i / 2, i % 2 == 0)) {
        if asleep {
            // Long enough for the event page to go to sleep (nothing talks to it meanwhile).
            tokio::time::sleep(Duration::from_millis(harness::FIREFOX_IDLE_MS * 3)).await;
        }
        let url = server.url(&format!("klout-badge.html?round={round}&asleep={asleep}"));
        load_in_front(&f, &page, &url, &ext_tab).await;
        let ms = f
            .wait_for(20, "the badge page's answer", || async {
                frame_statuses(&f, tab).await?.iter().find(|x| x["url"] == url.as_str())?["answer_ms"].as_f64()
            })
            .await;
        if asleep {
            cold.push(ms)
        } else {
            warm.push(ms)
        }
    }
    rows.push(("firefox_page_message_to_answer_cold".into(), median(&mut cold), "ms"));
    rows.push(("firefox_page_message_to_answer_warm".into(), median(&mut warm), "ms"));
    f.close().await;
    let text: String = rows.iter().map(|(n, v, u)| format!("{n}\t{v:.3}\t{u}\n")).collect();
    print!("{text}");
    if let Ok(out) = std::env::var("UNSCORED_BENCH_OUT") {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(out).unwrap();
        f.write_all(text.as_bytes()).unwrap();
    }
}

/// Page-load cost side by side: no extension, Unscored, and (Firefox, Manifest V2) Privacy
/// Badger and uBlock Origin from Debian's webext packages. The same local pages loaded in
/// turn in each configuration, configurations interleaved round by round after start-up has
/// settled; the CPU time of each browser's whole process tree over the loads, and each
/// page's load time. Run by `./build.sh bench`, which writes the table to `dist/bench.txt`.
#[tokio::test(flavor = "current_thread")]
#[ignore = "run by ./build.sh bench"]
async fn bench_side_by_side() {
    use harness::Extension;
    let server = Server::start();
    let rounds: usize = std::env::var("UNSCORED_BENCH_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(3);
    // `UNSCORED_BENCH_PAGES=bench-feed.html,…` measures chosen pages only (to find which costs).
    let chosen = std::env::var("UNSCORED_BENCH_PAGES").unwrap_or_default();
    let pages: Vec<&str> =
        ["bench-article.html", "bench-10k.html", "bench-frames.html", "klout-badge.html", "bench-feed.html"]
            .into_iter()
            .filter(|p| chosen.is_empty() || chosen.split(',').any(|c| c == *p))
            .collect();
    let others = [
        ("Privacy Badger", "/usr/share/webext/privacy-badger"),
        (
            "uBlock Origin",
            "/usr/share/mozilla/extensions/{ec8030f7-c20a-464f-9b0e-13a3a9e97384}/uBlock0@raymondhill.net",
        ),
    ];
    // Extra configurations to measure beside these, `name=dir;...` (e.g. a copy of the
    // extension with an empty content script, to see what injection alone costs), and the
    // browsers to run (`firefox,chromium` by default).
    let extra: Vec<(String, std::path::PathBuf)> = std::env::var("UNSCORED_BENCH_EXTRA")
        .unwrap_or_default()
        .split(';')
        .filter_map(|kv| kv.split_once('=').map(|(k, v)| (k.to_string(), v.into())))
        .collect();
    let browsers = std::env::var("UNSCORED_BENCH_BROWSERS").unwrap_or_else(|_| "firefox,chromium".into());
    let mut text = String::new();
    for browser in [Browser::Firefox, Browser::Chromium] {
        if !browsers.contains(&format!("{browser:?}").to_lowercase()) {
            continue;
        }
        let mut configs = vec![("none".to_string(), Extension::None), ("Unscored".to_string(), Extension::Unscored)];
        configs.extend(extra.iter().map(|(name, dir)| (name.clone(), Extension::Other(dir.clone()))));
        if browser == Browser::Firefox {
            for (name, dir) in others {
                if std::path::Path::new(dir).join("manifest.json").exists() {
                    configs.push((name.to_string(), Extension::Other(dir.into())));
                } else {
                    text.push_str(&format!("# {name}: not installed ({dir}); ./build.sh bench installs it as root\n"));
                }
            }
        }
        let mut sessions = Vec::new();
        // The badge page's frame names a real host: resolved locally (and refused at once) in
        // every configuration, so no load waits on a DNS lookup this machine cannot make.
        for (_, ext) in &configs {
            let opts = Options { extension: ext.clone(), local_hosts: vec!["widgets.klout.com"], ..Options::default() };
            sessions.push(start(browser, opts).await);
        }
        // Start-up (extension install, first wasm start, filter lists) is not page-load cost.
        for s in &sessions {
            s.client.goto(&server.url("plain.html?warm")).await.unwrap();
        }
        tokio::time::sleep(Duration::from_secs(8)).await;
        // Per configuration, the CPU of each round: the median round is reported (times the
        // rounds), so one round that met the browser's own background work does not decide.
        let mut cpu: Vec<Vec<f64>> = vec![Vec::new(); configs.len()];
        let mut loads: Vec<Vec<Vec<f64>>> = vec![vec![Vec::new(); pages.len()]; configs.len()];
        // Per page too, to see which page an overhead comes from.
        let mut page_cpu: Vec<Vec<Vec<f64>>> = vec![vec![Vec::new(); pages.len()]; configs.len()];
        for round in 0..rounds {
            // Rotate the order so no configuration always runs first.
            for k in 0..configs.len() {
                let c = (k + round) % configs.len();
                let s = &sessions[c];
                let before = harness::tree_cpu_ms(s.driver_pid());
                for (p, page) in pages.iter().enumerate() {
                    let page_before = harness::tree_cpu_ms(s.driver_pid());
                    s.client.goto(&server.url(&format!("{page}?round={round}"))).await.unwrap();
                    let ms = s
                        .client
                        .execute(
                            "const n = performance.getEntriesByType('navigation')[0]; return n ? n.loadEventEnd : -1;",
                            vec![],
                        )
                        .await
                        .unwrap();
                    loads[c][p].push(ms.as_f64().unwrap_or(-1.0));
                    // What runs after load (notes, the feed growing, an extension's scans).
                    tokio::time::sleep(Duration::from_millis(1000)).await;
                    page_cpu[c][p].push(harness::tree_cpu_ms(s.driver_pid()) - page_before);
                }
                cpu[c].push(harness::tree_cpu_ms(s.driver_pid()) - before);
            }
        }
        let median = |v: &[f64]| {
            let mut v = v.to_vec();
            v.sort_by(|a, b| a.partial_cmp(b).unwrap());
            v[v.len() / 2]
        };
        let load_sum: Vec<f64> = loads.iter().map(|per_page| per_page.iter().map(|v| median(v)).sum()).collect();
        let cpu: Vec<f64> = cpu.iter().map(|rounds| median(rounds) * rounds.len() as f64).collect();
        text.push_str(&format!(
            "# {browser:?}: {rounds} rounds of {} pages; CPU = process-tree CPU of the median round, times the rounds; load = sum of median load times\n",
            pages.len()
        ));
        for (c, (name, _)) in configs.iter().enumerate() {
            let pct = |v: f64, base: f64| {
                if c == 0 {
                    "base".to_string()
                } else {
                    format!("{:+.1}%", (v / base - 1.0) * 100.0)
                }
            };
            // name, value, unit: the table build.sh prints; the ratios ride in the unit column.
            text.push_str(&format!(
                "side_by_side_{}_{}\t{:.0}\tms CPU ({}); load {:.0} ms ({})\n",
                format!("{browser:?}").to_lowercase(),
                name.to_lowercase().replace(' ', "_"),
                cpu[c],
                pct(cpu[c], cpu[0]),
                load_sum[c],
                pct(load_sum[c], load_sum[0])
            ));
        }
        for (p, page) in pages.iter().enumerate() {
            let base = median(&page_cpu[0][p]);
            let row: Vec<String> = configs
                .iter()
                .enumerate()
                .skip(1)
                .map(|(c, (name, _))| format!("{name} {:+.0}", median(&page_cpu[c][p]) - base))
                .collect();
            text.push_str(&format!("#   {page}: median CPU {base:.0} ms without extension; {}\n", row.join(", ")));
        }
        for s in sessions {
            s.close().await;
        }
    }
    print!("{text}");
    if let Ok(out) = std::env::var("UNSCORED_BENCH_OUT") {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(out).unwrap();
        f.write_all(text.as_bytes()).unwrap();
    }
}
