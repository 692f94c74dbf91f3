//! GitHub OAuth app scopes ("Scopes for OAuth apps"). GitHub Apps use fine-grained
//! permissions instead and send no `scope`; a request without scopes gets read-only
//! access to public information.

use super::{def, Risk::*, ScopeDef};

const DOC: &str = "https://docs.github.com/en/enterprise-cloud@latest/developers/apps/scopes-for-oauth-apps";

/// What a request without `scope` gets ("(no scope)" in GitHub's table). Not a scope name.
pub static NO_SCOPE: ScopeDef =
    def("(no scope)", Low, "Read-only access to your public information: profile, public repositories and gists.", DOC);

pub static SCOPES: &[ScopeDef] = &[
    def("read:user", Low, "Read your GitHub profile.", DOC),
    def("user:email", Low, "Read your email addresses.", DOC),
    def("read:public_key", Low, "List your public SSH keys.", DOC),
    def("read:gpg_key", Low, "List your public GPG keys.", DOC),
    def("read:ssh_signing_key", Low, "List your public SSH signing keys.", DOC),
    def("read:org", Medium, "See your organisations, teams and memberships.", DOC),
    def("read:repo_hook", Medium, "See the webhooks of your repositories.", DOC),
    def("read:project", Medium, "See your projects and your organisations' projects.", DOC),
    def("read:packages", Medium, "Download packages you can access.", DOC),
    def("read:discussion", Medium, "Read team discussions.", DOC),
    def("read:audit_log", Medium, "Read your enterprise's audit log.", DOC),
    def("read:enterprise", Medium, "Read your enterprise's profile data.", DOC),
    def("notifications", Medium, "Read your notifications, mark them read, and watch or unwatch repositories.", DOC),
    def("repo:status", Medium, "Read and set commit statuses of your public and private repositories.", DOC),
    def("repo_deployment", Medium, "Read and set deployment statuses of your repositories.", DOC),
    def("repo:invite", Medium, "Accept or decline invitations to collaborate on repositories.", DOC),
    def("repo", High, "Full control of all your repositories, private ones included: read and change code, settings and collaborators.", DOC),
    def("public_repo", High, "Change code and settings of your public repositories, and star repositories for you.", DOC),
    def("security_events", High, "Read and write code-scanning and security alerts of your repositories.", DOC),
    def("admin:repo_hook", High, "Create, change and delete the webhooks of your repositories.", DOC),
    def("write:repo_hook", High, "Create and change the webhooks of your repositories.", DOC),
    def("admin:org", High, "Fully manage your organisations, teams and memberships.", DOC),
    def("write:org", High, "Change your organisation and team memberships.", DOC),
    def("admin:org_hook", High, "Create, change and delete your organisations' webhooks.", DOC),
    def("admin:public_key", High, "Add and delete SSH keys on your account.", DOC),
    def("write:public_key", High, "Add SSH keys to your account.", DOC),
    def("admin:gpg_key", High, "Add and delete GPG keys on your account.", DOC),
    def("write:gpg_key", High, "Add GPG keys to your account.", DOC),
    def("admin:ssh_signing_key", High, "Add and delete SSH signing keys on your account.", DOC),
    def("write:ssh_signing_key", High, "Add SSH signing keys to your account.", DOC),
    def("gist", High, "Create and change gists as you.", DOC),
    def("user", High, "Read and change your profile, read your email addresses and follow people for you.", DOC),
    def("user:follow", High, "Follow and unfollow people for you.", DOC),
    def("project", High, "Read and change your projects and your organisations' projects.", DOC),
    def("delete_repo", High, "Delete repositories you administer.", DOC),
    def("write:packages", High, "Publish packages as you.", DOC),
    def("delete:packages", High, "Delete packages you can administer.", DOC),
    def("write:discussion", High, "Write team discussions as you.", DOC),
    def("workflow", High, "Change the GitHub Actions workflows of your repositories (code that runs with their secrets).", DOC),
    def("codespace", High, "Create and manage your codespaces.", DOC),
    def("copilot", High, "Manage GitHub Copilot settings of your organisations.", DOC),
    def("admin:enterprise", High, "Fully manage your enterprise accounts.", DOC),
    def("audit_log", High, "Read and manage your enterprise's audit log.", DOC),
];
