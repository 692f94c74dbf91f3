//! Page signals: is a page about one person?
//!
//! Some addresses are ambiguous. `spokeo.com/Jane-Doe/Ohio` is Spokeo's search by name: the
//! page lists everyone of that name, and only sometimes a single person. The removal tools
//! that document these sites call such URLs searches, and the catalog marks their patterns
//! `name_search`. For those pages the page side sends raw facts ([`PageSignals`]: the title,
//! the main headings, whether schema.org names a `Person`, the texts of removal links) and
//! [`PageSignals::about_one_person`] decides: a person's name as the main heading, backed by
//! the title, a schema.org `Person` or a "remove this record" link, and no words of a results
//! list. A record's `confirm_selectors` matching settles it too.
//!
//! ```
//! use unscored::signals::PageSignals;
//! let profile = PageSignals {
//!     title: "Jane Doe (34) Saint Louis, MO | Public Records Profile".into(),
//!     headings: vec!["Jane Doe in Saint Louis, MO".into()],
//!     person_schema: true,
//!     ..PageSignals::default()
//! };
//! assert!(profile.about_one_person());
//! let listing = PageSignals {
//!     title: "Jane Doe - 25 people found | Example".into(),
//!     headings: vec!["People named Jane Doe".into()],
//!     ..PageSignals::default()
//! };
//! assert!(!listing.about_one_person());
//! ```

use serde::{Deserialize, Serialize};

/// How many of each the page side sends, and how long each text may be.
pub const MAX_HEADINGS: usize = 3;
pub const MAX_LINKS: usize = 12;
pub const MAX_TEXT: usize = 200;

/// Links whose address names a removal: the page side sends their texts, the engine reads them.
pub const REMOVAL_LINKS: &str = "a[href*='opt-out' i], a[href*='optout' i], a[href*='opt_out' i], \
     a[href*='remov' i], a[href*='suppress' i], a[href*='block_record' i], a[href*='delete' i]";

/// Raw facts about a page; the page side gathers them, [`Self::about_one_person`] judges.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PageSignals {
    /// One of the record's `confirm_selectors` matched.
    #[serde(default)]
    pub confirm_selector: bool,
    #[serde(default)]
    pub title: String,
    /// Texts of the first `h1` elements.
    #[serde(default)]
    pub headings: Vec<String>,
    /// A JSON-LD `"@type": "Person"` or an `itemtype` of schema.org/Person is on the page.
    #[serde(default)]
    pub person_schema: bool,
    /// Texts of the links [`REMOVAL_LINKS`] found.
    #[serde(default)]
    pub removal_links: Vec<String>,
}

impl PageSignals {
    /// Drops what is beyond the page side's limits: a hostile page sends what it likes.
    pub fn capped(mut self) -> Self {
        self.title = cap(&self.title);
        self.headings.truncate(MAX_HEADINGS);
        self.removal_links.truncate(MAX_LINKS);
        for t in self.headings.iter_mut().chain(self.removal_links.iter_mut()) {
            *t = cap(t);
        }
        self
    }

    /// Is the page about one person, rather than a list of results or a site page?
    pub fn about_one_person(&self) -> bool {
        if self.confirm_selector {
            return true;
        }
        if std::iter::once(&self.title).chain(&self.headings).any(|t| lists_results(t)) {
            return false;
        }
        let Some(name) = self.headings.iter().find_map(|h| person_name(h)) else {
            return false;
        };
        let title = self.title.to_lowercase();
        let named_in_title = title.contains(&name.to_lowercase());
        named_in_title || self.person_schema || self.removal_links.iter().any(|l| removes_this_record(l))
    }
}

fn cap(s: &str) -> String {
    s.chars().take(MAX_TEXT).collect()
}

/// Words of a results list or a search page, never of one person's page.
const RESULT_WORDS: &[&str] = &[
    "results",
    "records found",
    "record found",
    "people named",
    "people with the name",
    "persons named",
    "matches for",
    "matching",
    "search for",
    "who owns",
    "reverse phone",
    "lookup",
    "look up",
];

fn lists_results(text: &str) -> bool {
    let t = text.to_lowercase();
    if RESULT_WORDS.iter().any(|w| t.contains(w)) {
        return true;
    }
    // "25 people", "3 records": a count of results. A search's count of matches may be one
    // ("Jane Doe, Colorado (1 match)"): a person's own page counts none.
    let words: Vec<&str> = t.split_whitespace().collect();
    words.windows(2).any(|w| {
        let count = w[0].trim_start_matches('(').trim_end_matches('+').parse::<u32>().ok();
        count.is_some_and(|n| n > 1)
            && ["people", "persons", "records", "matches", "profiles"].iter().any(|p| w[1].starts_with(p))
            || count.is_some_and(|n| n > 0) && w[1].starts_with("match")
    })
}

/// Words that make a heading a site's page, not a person's name.
const NOT_NAME_WORDS: &[&str] = &[
    "people",
    "search",
    "find",
    "free",
    "public",
    "records",
    "record",
    "background",
    "check",
    "checks",
    "phone",
    "address",
    "email",
    "lookup",
    "reverse",
    "about",
    "contact",
    "privacy",
    "policy",
    "terms",
    "home",
    "welcome",
    "sign",
    "login",
    "log",
    "opt",
    "out",
    "remove",
    "removal",
    "help",
    "faq",
    "the",
    "of",
    "for",
    "our",
    "us",
    "your",
    "and",
    "page",
    "not",
    "found",
    "error",
    "directory",
    "data",
    "report",
    "reports",
    "number",
    "numbers",
];

/// The person's name a heading starts with ("Jane A. Doe in Saint Louis, MO", "Jane Doe, Age
/// 34"), when it reads as one: two to five capitalised words of letters.
fn person_name(heading: &str) -> Option<String> {
    let mut name_part = heading.trim();
    for stop in [",", "(", "|", " - ", " in ", " age ", " Age ", " from ", " of "] {
        if let Some(i) = name_part.find(stop) {
            name_part = &name_part[..i];
        }
    }
    let words: Vec<&str> = name_part.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return None;
    }
    let looks_like_name = words.iter().all(|w| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | '\u{2019}'))
            && !NOT_NAME_WORDS.contains(&w.to_lowercase().trim_end_matches('.'))
    });
    looks_like_name.then(|| words.join(" "))
}

/// "Remove this record", "Opt out of this listing", "Control this profile": about the record
/// on the page, not the site-wide opt-out link every footer carries.
fn removes_this_record(link_text: &str) -> bool {
    let t = link_text.to_lowercase();
    [
        "this record",
        "this listing",
        "this profile",
        "this person",
        "this information",
        "this info",
        "my record",
        "my listing",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// Does a JSON-LD text name a `Person` as some item's type?
pub fn json_ld_names_person(text: &str) -> bool {
    let mut rest = text;
    while let Some(i) = rest.find("\"@type\"") {
        rest = &rest[i + 7..];
        let value = rest.trim_start().strip_prefix(':').unwrap_or("").trim_start();
        // "@type": "Person" or "@type": ["Person", ...]
        let value = value.strip_prefix('[').unwrap_or(value).trim_start();
        if value.starts_with("\"Person\"") || value.starts_with("\"https://schema.org/Person\"") {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(title: &str, h1: &str) -> PageSignals {
        PageSignals { title: title.into(), headings: vec![h1.into()], ..PageSignals::default() }
    }

    #[test]
    fn a_name_heading_backed_by_the_title_is_one_person() {
        assert!(page("Jane A. Doe, Age 34 - Springfield, IL | Example", "Jane A. Doe, Age 34").about_one_person());
        assert!(page("Jane Doe", "Jane Doe in Saint Louis, MO (Missouri)").about_one_person());
    }

    #[test]
    fn a_name_heading_alone_is_not_enough() {
        assert!(!page("Example People Search", "Jane Doe").about_one_person());
        let with_record_link =
            PageSignals { removal_links: vec!["Remove this record".into()], ..page("Example", "Jane Doe") };
        assert!(with_record_link.about_one_person());
        let footer_link = PageSignals { removal_links: vec!["Opt Out".into()], ..page("Example", "Jane Doe") };
        assert!(!footer_link.about_one_person());
    }

    #[test]
    fn results_lists_and_site_pages_are_not_a_person() {
        assert!(!page("Jane Doe - 25 people found", "Jane Doe").about_one_person());
        assert!(!page("Jane Doe", "People named Jane Doe").about_one_person());
        let one_match = PageSignals {
            person_schema: true,
            ..page("Doe Jane, Colorado (1 match): Phone Number", "Doe Jane in Colorado")
        };
        assert!(!one_match.about_one_person(), "a search that found one person is still a search");
        assert!(!page("Who owns (314) 555-0100", "Who Owns The Phone Number (314)555-0100").about_one_person());
        assert!(!page("Privacy Policy", "Privacy Policy").about_one_person());
        assert!(!page("Find People", "Find People Search").about_one_person());
        assert!(!PageSignals::default().about_one_person());
    }

    #[test]
    fn confirm_selector_settles_it() {
        assert!(PageSignals { confirm_selector: true, ..PageSignals::default() }.about_one_person());
    }

    #[test]
    fn json_ld_person() {
        assert!(json_ld_names_person(r#"{"@context":"https://schema.org","@type": "Person","name":"Jane"}"#));
        assert!(json_ld_names_person(r#"{"@type":["Person","Thing"]}"#));
        assert!(!json_ld_names_person(r#"{"@type":"Organization","name":"Person Finder"}"#));
    }

    #[test]
    fn caps_what_a_page_sends() {
        let s =
            PageSignals { title: "x".repeat(5000), headings: vec!["Jane Doe".into(); 50], ..PageSignals::default() };
        let c = s.capped();
        assert_eq!((c.title.len(), c.headings.len()), (MAX_TEXT, MAX_HEADINGS));
    }
}
