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

#[allow(dead_code)]
/// A long article: 400 paragraphs of prose, headings, a comment section. No scores.
pub fn article_page() -> String {
    let mut html = String::from("<!doctype html><html><head><meta charset=utf-8><title>A long article</title></head><body><main><article><h1>On the history of measuring people</h1>");
    for i in 0..400 {
        if i % 25 == 0 {
            html.push_str(&format!("<h2>Part {}</h2>", i / 25 + 1));
        }
        html.push_str(&format!(
            "<p>Paragraph {i}. Through the twentieth century, institutions counted, sorted and compared the people \
             they served, and the records they kept outlived the reasons they were made for. <a href=\"/notes/{i}\">Note {i}</a> \
             gives the sources; <em>the argument</em> continues below.</p>"
        ));
    }
    html.push_str("</article><section class=comments>");
    for i in 0..60 {
        html.push_str(&format!("<div class=comment><b>Reader {i}</b><p>A thoughtful reply, number {i}.</p></div>"));
    }
    html.push_str("</section></main></body></html>");
    html
}

#[allow(dead_code)]
/// A page with twelve iframes of small same-site pages (ads, embeds, widgets of no scorer).
pub fn frames_page() -> String {
    let mut html = String::from("<!doctype html><html><head><meta charset=utf-8><title>Twelve frames</title></head><body><h1>Twelve frames</h1>");
    for i in 0..12 {
        html.push_str(&format!("<iframe src=\"/plain.html?frame={i}\" width=300 height=120></iframe>"));
    }
    html.push_str("</body></html>");
    html
}

#[allow(dead_code)]
/// An endless feed: a script appends twenty posts every 100 ms for three seconds.
pub fn feed_page() -> String {
    String::from(
        "<!doctype html><html><head><meta charset=utf-8><title>Feed</title></head><body><h1>Feed</h1><div id=feed></div>\
         <script>let n = 0; const feed = document.getElementById('feed');\
         const t = setInterval(() => { for (let i = 0; i < 20; i++, n++) { const p = document.createElement('article');\
         p.innerHTML = '<h3>Post ' + n + '</h3><p>Someone shared a photo and wrote a few lines about their day, number ' + n + '.</p><a href=\"/p/' + n + '\">comments</a>';\
         feed.append(p); } if (n >= 600) clearInterval(t); }, 100);</script></body></html>",
    )
}
