//! Score displays of services the catalog does not know: "Influence score 63",
//! "Reputation Score 3.4/5", "Social score: A+".
//!
//! A display is a short text (a badge, a table cell, a sidebar line) that puts a
//! person-scoring label right before a number or a grade. Prose that mentions a score
//! ("the bot reached a Kred score of 754") is longer and is left alone, and so are scores
//! of things rather than people (credit, game, test, match scores).
//!
//! ```
//! use unscored::heuristics::score_display;
//! assert_eq!(score_display("Influence Score 63").unwrap().value, "63");
//! assert!(score_display("Last week the bot reached a Kred score of 754, which says it all.").is_none());
//! ```

/// Longest text still read as a display rather than prose.
pub const MAX_DISPLAY_CHARS: usize = 60;

/// Words that make a score about a person's standing.
const PERSON_LABELS: &[&str] = &[
    "influence",
    "influencer",
    "reputation",
    "social",
    "trust",
    "trustworthiness",
    "credibility",
    "authority",
    "popularity",
    "klout",
    "kred",
    "karma",
    "clout",
    "peerindex",
    "outreach",
];

/// The text must offer no sign of prose: sentence verbs that mention a score.
const PROSE_WORDS: &[&str] = &["reached", "reaches", "has a", "had a", "was", "were", "got", "gets", "means", "says"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreDisplay {
    /// The label as written, e.g. "Influence score".
    pub label: String,
    /// The number or grade, e.g. "63", "3.4/5", "A+".
    pub value: String,
    /// Lower-cased text before the label ("kred" in "Kred Influence Score 812").
    pub prefix: String,
}

/// Recognises a score display in an element's text.
pub fn score_display(text: &str) -> Option<ScoreDisplay> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > MAX_DISPLAY_CHARS {
        return None;
    }
    let lower = text.to_lowercase();
    if PROSE_WORDS.iter().any(|w| contains_word(&lower, w)) {
        return None;
    }
    // Lower-casing can change byte lengths outside ASCII; work on `lower` only.
    // "score" as a word of its own: "TrustScore 4.8" is a product rating, not this.
    let at = lower
        .match_indices("score")
        .map(|(i, _)| i)
        .find(|i| lower[..*i].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))?;
    let before = lower[..at].trim_end();
    let qualifier = before.rsplit([' ', ':', '|', '·', '-']).next().unwrap_or("");
    if !PERSON_LABELS.contains(&qualifier) {
        return None;
    }
    let after =
        lower[at + "score".len()..].trim_start_matches(|c: char| c == ':' || c == '=' || c.is_whitespace() || c == '-');
    let value = leading_value(after)?;
    let label_start = before.len() - qualifier.len();
    Some(ScoreDisplay {
        label: capitalise(&lower[label_start..at + "score".len()]),
        value: value.to_uppercase_if_grade(),
        prefix: lower[..label_start].trim_end().to_string(),
    })
}

/// `word` appears in `haystack` with no letter or digit right before or after it.
pub fn contains_word(haystack: &str, word: &str) -> bool {
    haystack.match_indices(word).any(|(i, _)| {
        let before = haystack[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = haystack[i + word.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

trait Grade {
    fn to_uppercase_if_grade(self) -> String;
}

impl Grade for String {
    fn to_uppercase_if_grade(self) -> String {
        if self.starts_with(|c: char| c.is_ascii_alphabetic()) {
            self.to_uppercase()
        } else {
            self
        }
    }
}

/// `63`, `3.4/5`, `87%`, `754 / 1000`, or a letter grade `a+`, `b-`, `c`.
fn leading_value(s: &str) -> Option<String> {
    let mut chars = s.char_indices().peekable();
    let first = chars.peek()?.1;
    if first.is_ascii_digit() {
        let end = s
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | '%' | ' ')))
            .map(|(i, _)| i)
            .unwrap_or(s.len());
        let v = s[..end].trim().trim_end_matches(['/', '.', ',']).trim();
        return Some(v.replace(' ', ""));
    }
    if matches!(first, 'a'..='f') {
        let rest = &s[1..];
        let sign = rest.chars().next().filter(|c| *c == '+' || *c == '-');
        let after = &rest[sign.map_or(0, |_| 1)..];
        if after.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
            return Some(format!("{first}{}", sign.map(String::from).unwrap_or_default()));
        }
    }
    None
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays() {
        let d = score_display("Influence Score 63").unwrap();
        assert_eq!((d.label.as_str(), d.value.as_str()), ("Influence score", "63"));
        assert_eq!(score_display("Reputation Score: 3.4/5").unwrap().value, "3.4/5");
        assert_eq!(score_display("Social score: a+").unwrap().value, "A+");
        assert_eq!(score_display("Trust score 87%").unwrap().value, "87%");
        assert_eq!(score_display("Kred Influence Score 812 / 1000").unwrap().value, "812/1000");
    }

    #[test]
    fn not_displays() {
        assert!(score_display("the bot reached a Kred score of 754").is_none());
        assert!(score_display("Credit score 720").is_none());
        assert!(score_display("Match score 3-1").is_none());
        assert!(score_display("Influence score").is_none());
        assert!(score_display("Influence score explained: how we compute it for every creator in our index").is_none());
        assert!(score_display("Social score: about").is_none());
        assert!(score_display("TrustScore 4.8").is_none());
    }

    #[test]
    fn odd_text_never_panics() {
        for t in ["score", "İnfluence score 1", "social score ß", "social score: é+", "ⅠⅡ score 3", ""] {
            let _ = score_display(t);
        }
    }
}
