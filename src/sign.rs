//! The sign of this install: two words, chosen once, shown inside every note Unscored draws
//! and in its toolbar popup.
//!
//! A page can draw a box that looks like a note (a fake "this site is safe", or a fake way
//! out that leads to a phishing form). It cannot draw the sign: the words live in extension
//! storage and inside closed shadow roots, which page scripts cannot read. A note whose sign
//! differs from the popup's, or has none, was not drawn by Unscored.
//!
//! ```
//! let sign = unscored::sign::from_index(37);
//! assert_eq!(sign, "ash finch");
//! assert!(unscored::sign::is_sign(&sign));
//! assert!(!unscored::sign::is_sign("unscored sign"));
//! ```

/// First words: colours and materials, each easy to read aloud and unlike the others.
const FIRST: [&str; 32] = [
    "amber", "ash", "azure", "birch", "bronze", "cedar", "chalk", "cobalt", "copper", "coral", "crimson", "dune",
    "ember", "fern", "flint", "frost", "garnet", "ginger", "granite", "hazel", "indigo", "ivory", "jade", "lilac",
    "maple", "moss", "ochre", "olive", "pearl", "plum", "saffron", "slate",
];

/// Second words: animals.
const SECOND: [&str; 32] = [
    "badger", "beaver", "bison", "crane", "falcon", "finch", "fox", "gecko", "hare", "heron", "ibis", "jackal",
    "koala", "lark", "lemur", "lynx", "marten", "moose", "newt", "otter", "owl", "panda", "puffin", "quail", "raven",
    "robin", "seal", "stoat", "swan", "tapir", "walrus", "wren",
];

/// How many signs there are: a page guessing one is right once in this many installs.
pub const COUNT: u32 = (FIRST.len() * SECOND.len()) as u32;

/// The sign numbered `index` (taken modulo [`COUNT`]).
pub fn from_index(index: u32) -> String {
    let i = (index % COUNT) as usize;
    format!("{} {}", FIRST[i / SECOND.len()], SECOND[i % SECOND.len()])
}

/// Whether `text` is one of the signs (what storage holds may have been written by anything).
pub fn is_sign(text: &str) -> bool {
    let mut words = text.split(' ');
    matches!(
        (words.next(), words.next(), words.next()),
        (Some(a), Some(b), None) if FIRST.contains(&a) && SECOND.contains(&b)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_index_names_a_different_sign() {
        let all: HashSet<String> = (0..COUNT).map(from_index).collect();
        assert_eq!(all.len(), 1024);
        assert!(all.iter().all(|s| is_sign(s)));
        assert_eq!(from_index(COUNT), from_index(0));
    }

    #[test]
    fn words_are_distinct_lowercase_letters() {
        let words: HashSet<&str> = FIRST.iter().chain(SECOND.iter()).copied().collect();
        assert_eq!(words.len(), FIRST.len() + SECOND.len());
        assert!(words.iter().all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())));
    }

    #[test]
    fn only_two_listed_words_are_a_sign() {
        assert!(is_sign("slate wren"));
        for text in ["", "slate", "slate wren owl", "Slate wren", "slate  wren", "wren slate", "unscored-abc"] {
            assert!(!is_sign(text), "{text:?}");
        }
    }
}
