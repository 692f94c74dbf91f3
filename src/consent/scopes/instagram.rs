//! Instagram Login permissions.
//!
//! Business Login for Instagram (`instagram_business_*`, with the older `business_*`
//! spellings Meta retired on 2025-01-27), the retired Basic Display API (`user_profile`,
//! `user_media`) and the retired 2015-2020 Legacy API (`basic`, `public_content`, ...).
//! `instagram_basic` and the other Facebook-Login Instagram permissions are looked up in
//! Facebook's table (see [`super::lookup`]).

use super::{def, Risk::*, ScopeDef};

const BUSINESS: &str =
    "https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login";
const BASIC_DISPLAY: &str =
    "https://developers.facebook.com/docs/instagram-basic-display-api/guides/getting-access-tokens-and-permissions/";
const LEGACY: &str = "https://hgogaming.blogspot.com/2019/03/login-permissions-scopes.html";

pub static SCOPES: &[ScopeDef] = &[
    def(
        "instagram_business_basic",
        Medium,
        "Your Instagram professional account's profile details and posts.",
        BUSINESS,
    ),
    def(
        "instagram_business_content_publish",
        High,
        "Publish posts, reels and stories on your Instagram account.",
        BUSINESS,
    ),
    def(
        "instagram_business_manage_messages",
        High,
        "Read and send Instagram Direct messages for your account.",
        BUSINESS,
    ),
    def(
        "instagram_business_manage_comments",
        High,
        "Read, reply to, hide and delete comments on your posts.",
        BUSINESS,
    ),
    def("instagram_business_manage_insights", Medium, "Statistics about your account and posts.", BUSINESS),
    def(
        "business_basic",
        Medium,
        "Your Instagram professional account's profile details and posts (old name of instagram_business_basic).",
        BUSINESS,
    ),
    def(
        "business_content_publish",
        High,
        "Publish posts on your Instagram account (old name of instagram_business_content_publish).",
        BUSINESS,
    ),
    def(
        "business_manage_messages",
        High,
        "Read and send Instagram Direct messages (old name of instagram_business_manage_messages).",
        BUSINESS,
    ),
    def(
        "business_manage_comments",
        High,
        "Read, reply to and delete comments (old name of instagram_business_manage_comments).",
        BUSINESS,
    ),
    def(
        "user_profile",
        Low,
        "Your Instagram username, account type and ID (retired Basic Display API).",
        BASIC_DISPLAY,
    ),
    def("user_media", Medium, "Your Instagram photos, videos and albums (retired Basic Display API).", BASIC_DISPLAY),
    def("basic", Medium, "Your profile and your posts (retired Legacy API).", LEGACY),
    def(
        "public_content",
        Medium,
        "Any public profile and post on Instagram, read as you (retired Legacy API).",
        LEGACY,
    ),
    def("follower_list", High, "The lists of who you follow and who follows you (retired Legacy API).", LEGACY),
    def("comments", High, "Post and delete comments for you (retired Legacy API).", LEGACY),
    def("relationships", High, "Follow and unfollow accounts for you (retired Legacy API).", LEGACY),
    def("likes", High, "Like and unlike posts for you (retired Legacy API).", LEGACY),
];
