package dev.orgplatform.platform.security;

/**
 * The answer of the authorization check, with the reason for audit and debugging, and the user's effective
 * role in the organization (own or inherited; null when not a member, or the organization is not available).
 */
public record AccessDecision(boolean allowed, String reason, String role) {

    /** The reason given to a member whose login used no second factor where the organization enforces 2FA. */
    public static final String SECOND_FACTOR_REQUIRED = "the organization enforces two-factor authentication: sign in with a second factor";

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

    /** Refused only for want of a second factor: signing in again with one lets the caller in. */
    public boolean needsSecondFactor() {
        return !allowed && SECOND_FACTOR_REQUIRED.equals(reason);
    }

    /** Whether the caller may know the organization exists: only someone with a role there (or above) may. */
    public boolean organizationVisible() {
        return role != null;
    }
}
