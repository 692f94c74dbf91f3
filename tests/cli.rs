//! The `unscored` binary as a person or CI script uses it.

use std::process::{Command, Output, Stdio};

fn unscored(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_unscored"));
    cmd.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(input) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn scan_json_reports_widgets_with_service() {
    let o = unscored(&["scan", "--url", "https://blog.example/", "tests/fixtures/pages/demo.html", "--json"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["url"], "https://blog.example/");
    let mut found: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["kind"].as_str().unwrap().into(), f["service"].as_str().unwrap_or("-").into()))
        .collect();
    found.sort();
    let want = [("score", "-"), ("widget", "klout"), ("widget", "klout"), ("widget", "twitter-grader")];
    assert_eq!(found, want.map(|(k, s)| (k.to_string(), s.to_string())));
    let evidence: Vec<&str> =
        v["findings"].as_array().unwrap().iter().map(|f| f["evidence"].as_str().unwrap()).collect();
    assert!(evidence.contains(&"<iframe src=\"http://widgets.klout.com/badge/jack\">"), "{evidence:?}");
}

#[test]
fn scan_reads_stdin_and_finds_nothing_on_a_plain_page() {
    let o = unscored(&["scan", "-"], Some("<p>hello</p>"));
    assert!(o.status.success());
    assert_eq!(stdout(&o), "nothing found that scores or profiles a person\n");
}

#[test]
fn scan_profile_url_alone() {
    let o = unscored(&["scan", "--url", "https://klout.com/jack", "--json"], None);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["findings"][0]["kind"], "profile");
    assert_eq!(v["findings"][0]["service"], "klout");
}

#[test]
fn unreadable_input_is_a_clear_error() {
    let o = unscored(&["scan", "no/such/page.html"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("unscored: cannot read no/such/page.html: "), "{}", stderr(&o));
    let o = unscored(&["scan", "--url", "klout.com/jack"], None);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "unscored: --url: \"klout.com/jack\" has no host (expected e.g. https://example.com/path)\n"
    );
    let o = unscored(&["frobnicate"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown command \"frobnicate\""));
}

#[test]
fn catalog_list_json_has_the_promised_fields() {
    let o = unscored(&["catalog", "list", "--json"], None);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), unscored::catalog::Catalog::embedded().len());
    for r in all {
        for key in ["id", "name", "category", "status", "opt_out", "sources"] {
            assert!(!r[key].is_null(), "{key} missing in {}", r["id"]);
        }
    }
}

#[test]
fn catalog_show_and_lint() {
    let o = unscored(&["catalog", "show", "klout"], None);
    let text = stdout(&o);
    assert!(text.starts_with("Klout (klout)\nInfluence score · closed 2018-05-25\n"), "{text}");
    assert!(text.contains("Its X (Twitter) app asks for: Read Tweets from your timeline; See who you follow"));
    // A record whose way out is unconfirmed says so, rather than "unknown" difficulty.
    let text = stdout(&unscored(&["catalog", "show", "starngage"], None));
    assert!(text.contains("\nLeaving: Not known: no way out could be confirmed from a source\n"), "{text}");
    assert!(text.contains("\nOpt-out: none confirmed\n"), "{text}");
    let o = unscored(&["catalog", "show", "nope"], None);
    assert_eq!(stderr(&o), "unscored: no service \"nope\" in the catalog (see `unscored catalog list`)\n");
    let o = unscored(&["catalog", "lint"], None);
    assert!(o.status.success(), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(text.starts_with("catalog lint: ") && text.contains(" records, no problems\n"), "{text}");
    assert!(text.contains("no confirmed way out yet (24): appinions, arrests-org,"), "{text}");
}

#[test]
fn lint_of_a_broken_folder_exits_1_naming_file_and_field() {
    let dir = std::env::temp_dir().join(format!("unscored-lint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/catalog/services/klout.toml")).unwrap();
    std::fs::write(dir.join("klout.toml"), text.replace("difficulty = \"impossible\"", "difficulty = \"trivial\""))
        .unwrap();
    let o = unscored(&["catalog", "lint", dir.to_str().unwrap()], None);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(o.status.code(), Some(1));
    let want = format!(
        "{}: opt_out.difficulty: \"trivial\" is not one of: easy, medium, hard, impossible, limited, unknown\ncatalog lint: 1 problem\n",
        dir.join("klout.toml").display()
    );
    assert_eq!(stdout(&o), want);
}

/// A name search's verdict comes from the page: the same address is a results list or one
/// person's page depending on what the page says.
#[test]
fn scan_name_search_reads_the_page() {
    let url = "https://www.spokeo.com/Jane-Doe/Illinois/Springfield";
    let list = "<title>Jane Doe - 12 results | Spokeo</title><h1>Jane Doe</h1><ul><li>Jane Doe, 41</li></ul>";
    let person = "<title>Jane Doe, Age 41 - Springfield, IL | Spokeo</title><h1>Jane Doe, Age 41</h1>";
    let kind = |page: &str| {
        let o = unscored(&["scan", "--url", url, "-", "--json"], Some(page));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        (v["findings"][0]["kind"].as_str().unwrap_or_default().to_string(), v["findings"][0]["service"].clone())
    };
    assert_eq!(kind(list), ("listing".to_string(), serde_json::json!("spokeo")));
    assert_eq!(kind(person), ("profile".to_string(), serde_json::json!("spokeo")));
}

/// `catalog audit` says where the catalog is weak: totals first, then one line per record.
#[test]
fn catalog_audit_summarises_and_lists_every_record() {
    let o = unscored(&["catalog", "audit"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let n = unscored::catalog::Catalog::embedded().len();
    assert!(text.starts_with(&format!("catalog audit: {n} records\n")), "{text}");
    assert!(text.contains("repository links not pinned to a commit: 0\n"), "{text}");
    assert!(text.contains("\nunknown fields: "), "{text}");
    assert!(text.lines().any(|l| l.starts_with("klout ")), "one line per record");
    let o = unscored(&["catalog", "audit", "--json"], None);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["records"].as_array().map(Vec::len), Some(n));
}

/// Two shapes of old forum and leaderboard pages, read as the content script reads them: a
/// label and value on one line among `<br>`-separated lines, and a table whose heading row
/// labels a column of members' points. A first row holding numbers is data, not headings.
#[test]
fn scan_reads_lines_and_table_columns() {
    let lines = r#"<div class="menu"><img src="/files/avatars/57_100.jpg"><br>
        Real name: Ivan<br>Gender: male<br>Reputation: +23/-2 <span>(<a href="/rep?u=57&t=plus">plus</a>)</span><br>
        Forum posts: 310<br>Registered: 12.04.2010<br>Last visit: 28.11.2026</div>"#;
    let o = unscored(&["scan", "--url", "https://wap.example.ru/user/57", "-", "--json"], Some(lines));
    assert!(stdout(&o).contains("\"kind\": \"score\""), "{}", stdout(&o));
    let board = r#"<table><thead><tr><td>Position</td><td>Contributor</td><td>Points</td></tr></thead>
        <tbody><tr><td>1st</td><td><a href="/profile.php?u=57">Jane Doe</a></td><td>4812</td></tr>
        <tr><td>2nd</td><td><a href="/profile.php?u=12">John Roe</a></td><td>3977</td></tr></tbody></table>"#;
    let o = unscored(&["scan", "--url", "https://photos.example.org/leaderboard.php", "-", "--json"], Some(board));
    assert!(stdout(&o).contains("Points 4812"), "{}", stdout(&o));
    // A match's table: points of teams, no member beside them.
    let teams = board
        .replace("/profile.php?u=57\">Jane Doe", "/teams/reds\">Red Lions")
        .replace("/profile.php?u=12\">John Roe", "/teams/blues\">Blue Sharks");
    assert!(!teams.contains("Doe"));
    let o = unscored(&["scan", "--url", "https://league.example.org/table", "-", "--json"], Some(&teams));
    assert!(!stdout(&o).contains("\"kind\": \"score\""), "{}", stdout(&o));
}
