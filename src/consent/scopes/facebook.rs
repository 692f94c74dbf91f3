//! Facebook Login permissions.
//!
//! Current permissions from Meta's "Permissions Reference"
//! (<https://developers.facebook.com/docs/permissions/reference/>) and the Limited Login
//! list; retired permissions (the `read_stream` / `friends_*` era that influence-score
//! services such as Klout relied on) from a copy of Facebook's old "Extended permission"
//! page, so that an old consent link can still be explained.

use super::{def, Risk::*, ScopeDef};

const REF: &str = "https://developers.facebook.com/docs/permissions/reference/";
const PERMS: &str = "https://developers.secure.facebook.com/docs/permissions";
const LIMITED: &str = "https://developers.facebook.com/docs/facebook-login/limited-login/permissions/";
const USER: &str = "https://developers.facebook.com/docs/reference/api/user/";
const LEGACY: &str = "https://fbdevwiki.com/wiki/Extended_permission";
const OIDC: &str = "https://developers.facebook.com/documentation/facebook-login/guides/advanced/oidc-token";
const LEGACY2: &str = "https://kazunorikuroda.blogspot.com/2012/08/facebookscope-httpdevelopers.html";

pub static SCOPES: &[ScopeDef] = &[
    // Identity.
    def("openid", Low, "Sign in with OpenID Connect: the app gets a signed token saying who you are.", OIDC),
    def("public_profile", Low, "Your public profile: name, profile picture and an ID for you in this app.", USER),
    def("email", Low, "Your primary email address.", LIMITED),
    def("user_link", Low, "The address of your Facebook profile.", LIMITED),
    def("user_age_range", Low, "Your age range (for example 21 or older), not your birthday.", LIMITED),
    def(
        "gaming_profile",
        Low,
        "Your gaming profile: user ID and avatar name (used instead of public_profile by games).",
        LIMITED,
    ),
    def("gaming_user_picture", Low, "Your first name and profile picture, for games.", LIMITED),
    // Your content and details.
    def("user_friends", Medium, "The list of your friends who also use this app.", LIMITED),
    def("user_birthday", Medium, "Your date of birth.", LIMITED),
    def("user_gender", Medium, "Your gender as listed on your profile.", LIMITED),
    def("user_hometown", Medium, "Your hometown as listed on your profile.", LIMITED),
    def("user_location", Medium, "The city you list as where you live now.", LIMITED),
    def("user_likes", Medium, "Every Facebook Page you have liked.", REF),
    def("user_photos", Medium, "The photos you uploaded and the photos you are tagged in.", REF),
    def("user_posts", Medium, "The posts on your timeline, including posts shared only with friends.", REF),
    def("user_videos", Medium, "The videos you uploaded and the videos you are tagged in.", REF),
    def("user_events", Medium, "The events you host or have answered.", REF),
    def("user_messenger_contact", Medium, "Lets the business start Messenger conversations with you.", REF),
    def("user_managed_groups", Medium, "The groups you manage (retired).", REF),
    def(
        "groups_access_member_info",
        Medium,
        "Names and profile details of people posting in groups where the app is installed.",
        REF,
    ),
    def("pages_show_list", Medium, "The list of Facebook Pages you manage.", REF),
    def("pages_read_engagement", Medium, "Posts, photos, followers and statistics of the Pages you manage.", REF),
    def(
        "pages_read_user_content",
        Medium,
        "What other people post on the Pages you manage, including reviews and comments.",
        REF,
    ),
    def("read_insights", Medium, "The statistics (Insights) of your Pages, apps and domains.", REF),
    def("ads_read", Medium, "The reports of the ad accounts you own or can access.", PERMS),
    def(
        "instagram_basic",
        Medium,
        "The profile and posts of the Instagram professional account linked to your Page.",
        PERMS,
    ),
    def(
        "instagram_manage_insights",
        Medium,
        "Statistics of the Instagram professional account linked to your Page.",
        REF,
    ),
    // Acting as you, managing, messages.
    def("publish_video", High, "Publish live videos to your timeline, groups and Pages for you.", REF),
    def("publish_to_groups", High, "Post into groups for you (retired).", REF),
    def("pages_manage_posts", High, "Create, edit and delete posts on the Pages you manage.", REF),
    def("pages_manage_engagement", High, "Create, edit and delete comments and reactions as your Pages.", REF),
    def("pages_manage_metadata", High, "Change the settings of the Pages you manage.", REF),
    def("pages_messaging", High, "Send and receive messages as the Pages you manage.", REF),
    def("ads_management", High, "Create, change and pay for ads in the ad accounts you can access.", PERMS),
    def(
        "business_management",
        High,
        "Read and change your business assets (ad accounts, Pages, catalogs) in Business Manager.",
        REF,
    ),
    def("leads_retrieval", High, "Download the personal details people submitted in your lead-ad forms.", REF),
    def("catalog_management", High, "Create, change and delete your product catalogs.", REF),
    def(
        "instagram_content_publish",
        High,
        "Publish posts to the Instagram professional account linked to your Page.",
        REF,
    ),
    def(
        "instagram_manage_comments",
        High,
        "Read, post, hide and delete comments on the linked Instagram account.",
        REF,
    ),
    def(
        "instagram_manage_messages",
        High,
        "Read and send Instagram Direct messages of the linked Instagram account.",
        REF,
    ),
    def("whatsapp_business_messaging", High, "Send and receive WhatsApp messages as your business.", REF),
    def("whatsapp_business_management", High, "Manage your WhatsApp Business account, numbers and templates.", REF),
    // Retired permissions (still seen in old links).
    def(
        "offline_access",
        Medium,
        "Keep using your account at any time, even when you are not using the app (retired).",
        LEGACY,
    ),
    def("read_stream", High, "Everything in your News Feed, including your friends' posts (retired).", LEGACY),
    def("read_mailbox", High, "Read the messages in your Facebook inbox (retired).", LEGACY),
    def("read_friendlists", Medium, "The friend lists you created (retired).", LEGACY),
    def("read_requests", Medium, "Your friend requests (retired).", LEGACY),
    def(
        "publish_stream",
        High,
        "Post, comment and like on your timeline and your friends' timelines for you (retired).",
        LEGACY,
    ),
    def("publish_actions", High, "Post to your timeline for you (retired).", LEGACY),
    def("publish_checkins", High, "Check in to places for you (retired).", LEGACY),
    def("create_event", High, "Create and change events for you (retired).", LEGACY),
    def("rsvp_event", High, "Answer event invitations for you (retired).", LEGACY),
    def("manage_friendlists", High, "Create and edit your friend lists (retired).", LEGACY),
    def("manage_notifications", High, "Read your notifications and mark them as read (retired).", LEGACY),
    def("manage_pages", High, "Act as the Pages you manage (retired).", LEGACY),
    def("xmpp_login", High, "Log in to Facebook chat as you (retired).", LEGACY),
    def("user_about_me", Medium, "The 'About me' text of your profile (retired).", LEGACY2),
    def("user_activities", Medium, "The activities listed on your profile (retired).", LEGACY2),
    def("user_checkins", Medium, "The places you checked in to (retired).", LEGACY2),
    def("user_education_history", Medium, "Your schools and studies (retired).", LEGACY2),
    def("user_groups", Medium, "The groups you belong to (retired).", LEGACY2),
    def("user_interests", Medium, "The interests listed on your profile (retired).", LEGACY2),
    def("user_notes", Medium, "Your notes (retired).", LEGACY2),
    def("user_online_presence", Medium, "Whether you are online right now (retired).", LEGACY),
    def("user_photo_video_tags", Medium, "Photos and videos you are tagged in (retired).", LEGACY),
    def("user_questions", Medium, "The questions you asked (retired).", LEGACY2),
    def("user_relationships", Medium, "Your family members and relationship status (retired).", LEGACY2),
    def("user_relationship_details", Medium, "Your relationship preferences (retired).", LEGACY2),
    def("user_religion_politics", High, "Your religious and political views (retired).", LEGACY2),
    def("user_status", Medium, "Your status updates (retired).", LEGACY),
    def("user_subscriptions", Medium, "Who you follow and who follows you (retired).", LEGACY),
    def("user_website", Low, "The website listed on your profile (retired).", LEGACY),
    def("user_work_history", Medium, "Your jobs and employers (retired).", LEGACY),
    // Data about your friends, who never agreed to share it (all retired).
    def("friends_about_me", High, "Your friends' 'About me' texts, without asking them (retired).", LEGACY2),
    def("friends_activities", High, "Your friends' activities, without asking them (retired).", LEGACY2),
    def("friends_birthday", High, "Your friends' birthdays, without asking them (retired).", LEGACY2),
    def("friends_checkins", High, "Where your friends checked in, without asking them (retired).", LEGACY2),
    def("friends_education_history", High, "Your friends' schools, without asking them (retired).", LEGACY2),
    def("friends_events", High, "Your friends' events, without asking them (retired).", LEGACY2),
    def("friends_groups", High, "Your friends' groups, without asking them (retired).", LEGACY2),
    def("friends_hometown", High, "Your friends' hometowns, without asking them (retired).", LEGACY2),
    def("friends_interests", High, "Your friends' interests, without asking them (retired).", LEGACY2),
    def("friends_likes", High, "The Pages your friends liked, without asking them (retired).", LEGACY2),
    def("friends_location", High, "Where your friends live, without asking them (retired).", LEGACY2),
    def("friends_notes", High, "Your friends' notes, without asking them (retired).", LEGACY2),
    def("friends_online_presence", High, "Whether your friends are online, without asking them (retired).", LEGACY),
    def(
        "friends_photo_video_tags",
        High,
        "Photos and videos your friends are tagged in, without asking them (retired).",
        LEGACY,
    ),
    def("friends_photos", High, "Your friends' photos, without asking them (retired).", LEGACY2),
    def("friends_questions", High, "Your friends' questions, without asking them (retired).", LEGACY2),
    def(
        "friends_relationships",
        High,
        "Your friends' family and relationship status, without asking them (retired).",
        LEGACY2,
    ),
    def(
        "friends_relationship_details",
        High,
        "Your friends' relationship preferences, without asking them (retired).",
        LEGACY2,
    ),
    def(
        "friends_religion_politics",
        High,
        "Your friends' religious and political views, without asking them (retired).",
        LEGACY2,
    ),
    def("friends_status", High, "Your friends' status updates, without asking them (retired).", LEGACY),
    def("friends_subscriptions", High, "Who your friends follow, without asking them (retired).", LEGACY),
    def("friends_videos", High, "Your friends' videos, without asking them (retired).", LEGACY2),
    def("friends_website", High, "Your friends' websites, without asking them (retired).", LEGACY),
    def("friends_work_history", High, "Your friends' jobs, without asking them (retired).", LEGACY2),
];
