//! X (Twitter) OAuth 2.0 scopes.
//!
//! The scope table of X's "OAuth 2.0 Authorization Code Flow with PKCE" page
//! (<https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code>), plus the
//! scopes that X's own OpenAPI description and authorization-server metadata add
//! (reconciled in the api-evangelist mirror cited on those entries). OAuth 1.0a apps
//! carry no scopes in the URL; see `consent::oauth1` for their permission levels.

use super::{def, Risk::*, ScopeDef};

const DOC: &str = "https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code";
const MAPPING: &str = "https://docs.x.com/resources/fundamentals/authentication/guides/v2-authentication-mapping";
const SPEC: &str = "https://raw.githubusercontent.com/api-evangelist/x/refs/heads/main/scopes/x-scopes.yml";
const XURL: &str = "https://docs.rs/crate/xurl-rs/1.1.0/source/src/auth/oauth2.rs";

pub static SCOPES: &[ScopeDef] = &[
    def("tweet.read", Medium, "Read every post you can see, including posts from protected accounts you follow.", DOC),
    def("tweet.write", High, "Post and repost for you.", DOC),
    def("tweet.moderate.write", Medium, "Hide and unhide replies to your posts.", DOC),
    def("users.read", Medium, "See any account you can see, including protected accounts.", DOC),
    def("users.email", Low, "See the email address of your X account.", XURL),
    def("follows.read", Medium, "See who you follow and who follows you.", DOC),
    def("follows.write", High, "Follow and unfollow accounts for you.", DOC),
    def(
        "offline.access",
        Medium,
        "Stay connected to your account until you revoke access, even when you are not using the app.",
        DOC,
    ),
    def("space.read", Medium, "See all the Spaces you can see.", DOC),
    def("mute.read", Medium, "See the accounts you have muted.", DOC),
    def("mute.write", Medium, "Mute and unmute accounts for you.", DOC),
    def("like.read", Medium, "See the posts you liked and the likes you can see.", DOC),
    def("like.write", High, "Like and unlike posts for you.", DOC),
    def(
        "list.read",
        Medium,
        "See the Lists you made or belong to, including private Lists, with their members and followers.",
        DOC,
    ),
    def("list.write", High, "Create and manage Lists for you.", DOC),
    def("block.read", Medium, "See the accounts you have blocked.", DOC),
    def("block.write", High, "Block and unblock accounts for you.", DOC),
    def("bookmark.read", Medium, "See the posts you bookmarked.", MAPPING),
    def("bookmark.write", Medium, "Add and remove bookmarks for you.", MAPPING),
    def("dm.read", High, "Read all your Direct Messages.", SPEC),
    def("dm.write", High, "Send Direct Messages for you and manage your conversations.", SPEC),
    def("media.write", Medium, "Upload photos and videos for you (posting them needs tweet.write).", SPEC),
    def("timeline.read", Medium, "See the custom timelines you can see.", SPEC),
    def("broadcast.read", Medium, "See your live broadcasts and their chat.", SPEC),
    def("broadcast.write", High, "Manage your live broadcasts and send chat messages for you.", SPEC),
    def("developer.read", Medium, "See your X developer accounts, apps and their settings.", SPEC),
    def("developer.write", High, "Create and manage your X developer account and apps.", SPEC),
    def("developer.billing.write", High, "Change the billing of your X developer account.", SPEC),
    def("ads.read", Medium, "See your X advertising accounts and campaigns.", SPEC),
    def("ads.write", High, "Create and change X ads and campaigns for you.", SPEC),
];
