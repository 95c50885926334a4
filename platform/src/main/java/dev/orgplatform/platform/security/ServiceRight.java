package dev.orgplatform.platform.security;

import java.util.List;

/**
 * What a platform service's account may ask of another service: one realm role per kind of service-only
 * endpoint, granted in the realm only to the services that need it, so a leaked token of one service
 * reaches no more than that service does.
 */
public final class ServiceRight {

    /** The authorization check ({@code /authorization/check}, {@code check-batch}): every service with a gate. */
    public static final String ACCESS_CHECKS = "service:access-checks";
    /** API key verification at user-service: every service that accepts {@code X-API-Key}. */
    public static final String KEY_VERIFICATION = "service:key-verification";
    /** An organization's members and teams at user-service: org-service, invitation-service. */
    public static final String MEMBER_LISTS = "service:member-lists";
    /** Quota reservations at billing-service (reserve, commit, release): invitation-, user- and org-service. */
    public static final String RESERVATIONS = "service:reservations";
    /** What other services hold of an organization (limits, deletion preconditions, open invitations): org-service. */
    public static final String ORGANIZATION_STATE = "service:organization-state";
    /** An organization's effective branding at org-service, for mails sent in its name: invitation-service. */
    public static final String BRANDING = "service:branding";
    /** An organization's outstanding balance at billing-service: the payment system only. */
    public static final String BALANCE = "service:balance";

    public static final List<String> ALL = List.of(ACCESS_CHECKS, KEY_VERIFICATION, MEMBER_LISTS, RESERVATIONS,
            ORGANIZATION_STATE, BRANDING, BALANCE);

    private ServiceRight() {
    }
}
