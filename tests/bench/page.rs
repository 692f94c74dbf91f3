//! Inputs shared by the native benchmark, the wasm benchmark export and the browser
//! benchmark, so all three measure the same thing. Plain Rust, no dependencies.

/// A mix of what a browser visits: ordinary pages, catalogued profile pages and their
/// non-profile pages, consent screens.
pub const URLS: &[&str] = &[
    "https://www.example.com/news/2026/11/21/story.html?utm_source=x",
    "https://klout.com/jack",
    "https://www.spokeo.com/John-Smith",
    "https://www.spokeo.com/optout",
    "https://rocketreach.co/jane-doe-email_12345",
    "https://github.com/rust-lang/rust/issues/1",
    "https://api.twitter.com/oauth/authenticate?oauth_token=abc",
    "https://en.wikipedia.org/wiki/Klout",
];

/// A page of 10,000+ elements: articles, links (some to catalogued widget hosts), a few
/// score displays and badges.
#[allow(dead_code)]
pub fn ten_thousand_element_page() -> String {
    let mut html = String::from("<!doctype html><html><head><title>Big page</title></head><body>");
    for i in 0..1_000 {
        html.push_str("<article><h2>Post</h2><p>Some text <a href=\"https://example.com/p\">link</a> more.</p>");
        match i % 100 {
            0 => html.push_str("<iframe src=\"http://widgets.klout.com/badge/jack\"></iframe>"),
            1 => html.push_str("<div class=\"stat\"><span>Influence score</span> <b>63</b></div>"),
            2 => html.push_str("<a href=\"https://klout.com/\">Klout</a>"),
            _ => html.push_str("<span>tag</span><span>tag</span>"),
        }
        html.push_str("<ul><li>a</li><li>b</li></ul></article>");
    }
    html.push_str("</body></html>");
    html
}
