package dev.orgplatform.platform.security;

/**
 * The answer of the authorization check, with the reason for audit and debugging, and the user's effective
 * role in the organization (own or inherited; null when not a member, or the organization is not available).
 */
public record AccessDecision(boolean allowed, String reason, String role) {

    /** The reason given to a member whose login used no second factor where the organization enforces 2FA. */
    public static final String SECOND_FACTOR_REQUIRED = "the organization enforces two-factor authentication: sign in with a second factor";

    /** The rule a refusal for the organization's IP allowlist names (its reason starts with it and a colon). */
    public static final String IP_ALLOWLIST = "ipAllowlist";
    /** The rule a refusal for a login older than the organization's maximum session length names. */
    public static final String MAX_SESSION = "maxSessionMinutes";
    /** The rule a refusal for how the session signed in (password or the organization's SSO connection) names. */
    public static final String SIGN_IN_POLICY = "signInPolicy";

    public static AccessDecision allow(String reason, String role) {
        return new AccessDecision(true, reason, role);
    }

    public static AccessDecision deny(String reason, String role) {
        return new AccessDecision(false, reason, role);
    }

    public static AccessDecision deny(String reason) {
        return new AccessDecision(false, reason, null);
    }

    /** The effective role, or null when the caller has none there. */
    public Role effectiveRole() {
        return Role.named(role);
    }

    /** The organization's access rule that refused ({@link #IP_ALLOWLIST}, {@link #MAX_SESSION}, {@link #SIGN_IN_POLICY}), or null. */
    public String rule() {
        if (allowed || reason == null) {
            return null;
        }
        for (String rule : new String[] {IP_ALLOWLIST, MAX_SESSION, SIGN_IN_POLICY}) {
            if (reason.startsWith(rule + ":")) {
                return rule;
            }
        }
        return null;
    }

    /** Refused only for want of a second factor: signing in again with one lets the caller in. */
    public boolean needsSecondFactor() {
        return !allowed && SECOND_FACTOR_REQUIRED.equals(reason);
    }

    /** Whether the caller may know the organization exists: only someone with a role there (or above) may. */
    public boolean organizationVisible() {
        return role != null;
    }
}
