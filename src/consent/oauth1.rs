//! X (Twitter) OAuth 1.0a permission levels.
//!
//! An OAuth 1.0a authorize link carries only a request token (`oauth_token`): what the
//! app may do is the permission level set in its app settings, one of three (X's "OAuth
//! 1.0a App permissions" page), plus an optional email permission. The consent page
//! itself lists the level in plain lines, e.g. (2013 wording) "Read Tweets from your
//! timeline.", "See who you follow, and follow new people.", "Update your profile.",
//! "Post Tweets for you.", and a "will not be able to" list. Newer pages use the wording
//! of X's help page ("See Tweets from your timeline (including protected Tweets)...",
//! "See accounts you follow, mute, and block.", "Send Direct Messages for you and read,
//! manage, and delete your Direct Messages."). [`permissions_from_text`] reads either.

use super::scopes::{def, Risk, ScopeDef};
use super::ScopeInfo;

const LEVELS_DOC: &str = "https://developer.x.com/en/docs/apps/app-permissions";
const HELP: &str = "https://help.twitter.com/en/managing-your-account/connect-or-revoke-access-to-third-party-apps";
const WORDING_2013: &str = "https://blog.friendorfollow.com/2013/03/06/twitter-authentication-permissions/";

/// The three levels (and the extra email permission) an OAuth 1.0a app can hold.
pub static LEVELS: &[ScopeDef] = &[
    def(
        "read",
        Risk::Medium,
        "Read your timeline and posts (including protected posts you can see), your profile, Lists, and who you follow, mute and block.",
        LEVELS_DOC,
    ),
    def(
        "read-write",
        Risk::High,
        "Everything in read, plus post and delete posts, follow and unfollow, like and reply, and change your profile for you.",
        LEVELS_DOC,
    ),
    def(
        "read-write-directmessages",
        Risk::High,
        "Everything in read and write, plus read, send and delete your private Direct Messages.",
        LEVELS_DOC,
    ),
    def("email", Risk::Low, "See the email address of your account (an extra permission on top of a level).", LEVELS_DOC),
];

/// The lowest level: every OAuth 1.0a app gets at least this.
pub fn minimum_level() -> &'static ScopeDef {
    &LEVELS[0]
}

struct LinePattern {
    /// Any one of these groups matches; within a group every needle must occur.
    any: &'static [&'static [&'static str]],
    risk: Risk,
    meaning: &'static str,
    /// Where this wording was seen.
    source: &'static str,
}

/// Checked in order; the first match explains a line.
static PATTERNS: &[LinePattern] = &[
    LinePattern {
        any: &[&["direct message"]],
        risk: Risk::High,
        meaning: "Read, send and delete your private Direct Messages.",
        source: WORDING_2013,
    },
    LinePattern {
        any: &[&["post", "tweet"], &["post", "for you"], &["tweet", "for you"], &["engage with"]],
        risk: Risk::High,
        meaning: "Post and delete posts as you, and like, reply and repost for you.",
        source: HELP,
    },
    LinePattern {
        any: &[&["follow new people"], &["follow and unfollow"], &["follow, and unfollow"]],
        risk: Risk::High,
        meaning: "Follow and unfollow accounts for you.",
        source: WORDING_2013,
    },
    LinePattern {
        any: &[&["update your profile"], &["manage your account settings"], &["update", "account settings"]],
        risk: Risk::High,
        meaning: "Change your profile and account settings.",
        source: WORDING_2013,
    },
    LinePattern {
        any: &[&["block", "for you"], &["mute", "for you"], &["report", "for you"]],
        risk: Risk::High,
        meaning: "Mute, block and report accounts for you.",
        source: HELP,
    },
    LinePattern {
        any: &[&["lists", "for you"], &["collections", "for you"]],
        risk: Risk::High,
        meaning: "Create, change and delete your Lists for you.",
        source: HELP,
    },
    LinePattern {
        any: &[&["who you follow"], &["accounts you follow"]],
        risk: Risk::Medium,
        meaning: "See who you follow (newer pages: and who you mute and block).",
        source: WORDING_2013,
    },
    LinePattern {
        any: &[
            &["tweets from your timeline"],
            &["read tweets"],
            &["see tweets"],
            &["view your tweets"],
            &["your timeline"],
        ],
        risk: Risk::Medium,
        meaning: "Read the posts on your timeline, including protected posts of people you follow.",
        source: WORDING_2013,
    },
    LinePattern {
        any: &[&["email address"]],
        risk: Risk::Low,
        meaning: "See the email address of your account.",
        source: HELP,
    },
    LinePattern {
        any: &[&["profile information"], &["account settings"]],
        risk: Risk::Low,
        meaning: "See your profile information and account settings (language, time zone).",
        source: HELP,
    },
];

/// Longest page text read; the permission list sits near the top of the page.
const MAX_TEXT: usize = 64 * 1024;
const MAX_LINE: usize = 160;

/// The permissions an X OAuth 1.0a consent page lists, read from the page's text.
///
/// Lines after "will not be able to" (until the next "will be able to") are what the app
/// cannot do and are skipped. Each returned entry keeps the page's own words as `name`.
pub fn permissions_from_text(text: &str) -> Vec<ScopeInfo> {
    let text = super::truncate_chars(text, MAX_TEXT);
    let mut out: Vec<ScopeInfo> = Vec::new();
    let mut seen = [false; 16];
    let mut allowed = true;
    for raw in text.split(['\n', '\r', '•', '·', ';']).flat_map(split_sentences) {
        let line = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let lower = line.to_lowercase();
        let mut body = line.as_str();
        let mut body_lower = lower.as_str();
        if lower.contains("not be able to") || lower.contains("will not be able") {
            allowed = false;
            continue;
        }
        if lower.contains("be able to") {
            allowed = true;
            // "This application will be able to: Read Tweets ..." keeps what follows the colon.
            match (line.split_once(':'), lower.split_once(':')) {
                (Some((_, b)), Some((_, bl))) => {
                    body = b;
                    body_lower = bl;
                }
                _ => continue,
            }
        }
        if !allowed || body_lower.trim().is_empty() {
            continue;
        }
        let Some(idx) = PATTERNS.iter().position(|p| p.any.iter().any(|g| g.iter().all(|n| body_lower.contains(n))))
        else {
            continue;
        };
        if seen.get(idx).copied().unwrap_or(true) {
            continue;
        }
        if let Some(s) = seen.get_mut(idx) {
            *s = true;
        }
        let p = &PATTERNS[idx];
        let shown = super::truncate_chars(body.trim().trim_end_matches('.').trim(), MAX_LINE);
        out.push(ScopeInfo {
            name: shown.to_string(),
            meaning: Some(p.meaning.to_string()),
            risk: p.risk,
            source: Some(p.source.to_string()),
            known: true,
            implied: false,
            needed_for_opt_out: None,
            recorded: None,
        });
    }
    out
}

/// Splits "Read Tweets from your timeline. See who you follow." into sentences.
fn split_sentences(s: &str) -> impl Iterator<Item = &str> {
    s.split(". ").filter(|x| !x.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_2013_page() {
        let page = "Authorize Klout Opt-Out to use your account?\nThis application will be able to:\n\
                    • Read Tweets from your timeline.\n• See who you follow.\n\
                    This application will not be able to:\n• Follow new people.\n• Update your profile.\n\
                    • Post Tweets for you.\n• Access your direct messages.\n• See your Twitter password.";
        let p = permissions_from_text(page);
        let names: Vec<&str> = p.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Read Tweets from your timeline", "See who you follow"]);
        assert!(p.iter().all(|s| s.risk == Risk::Medium));
    }

    #[test]
    fn reads_write_and_dm_levels() {
        let page = "This application will be able to: Read Tweets from your timeline. See who you follow, and follow new people. \
                    Update your profile. Post Tweets for you. Access your direct messages.";
        let p = permissions_from_text(page);
        assert_eq!(p.len(), 5, "{p:?}");
        assert_eq!(p.iter().filter(|s| s.risk == Risk::High).count(), 4);
        assert!(p.iter().any(|s| s.name == "Access your direct messages"));
    }

    #[test]
    fn reads_newer_help_wording() {
        let page = "See Tweets from your timeline (including protected Tweets) as well as your Lists and collections.\n\
                    See your Twitter profile information and account settings.\nSee accounts you follow, mute, and block.\n\
                    Follow and unfollow accounts for you.\nSee your email address.";
        let p = permissions_from_text(page);
        let risks: Vec<Risk> = p.iter().map(|s| s.risk).collect();
        assert_eq!(risks, [Risk::Medium, Risk::Low, Risk::Medium, Risk::High, Risk::Low], "{p:?}");
    }

    #[test]
    fn odd_input_is_harmless() {
        assert!(permissions_from_text("").is_empty());
        assert!(permissions_from_text("ééé. ... •••\n\n: :").is_empty());
        let long = "Post Tweets for you ".repeat(20_000);
        assert_eq!(permissions_from_text(&long).len(), 1);
        assert_eq!(minimum_level().name, "read");
    }
}
