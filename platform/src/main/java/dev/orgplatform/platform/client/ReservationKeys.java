package dev.orgplatform.platform.client;

import java.util.UUID;

/**
 * The one format of reservation idempotency keys and holders at billing-service: who holds a unit of a limited
 * resource. invitation-, user- and org-service build them, billing-service finds reservations by them.
 */
public final class ReservationKeys {

    /** The resources other services reserve, as billing-service names them. */
    public static final String USERS = "users";
    public static final String API_KEYS = "apiKeys";
    /** Sub-organizations of a tree: a plan without them allows none (its limit is 0). */
    public static final String SUB_ORGANIZATIONS = "subOrganizations";

    private static final String SUB_ORGANIZATION = "suborg:";

    private ReservationKeys() {
    }

    /** A pending invitation's user seat. */
    public static String invitation(UUID invitationId) {
        return "invitation:" + invitationId;
    }

    /** The Owner's user seat, taken when a top-level organization opens its billing account. */
    public static String owner(UUID organizationId) {
        return "owner:" + organizationId;
    }

    /** A member's user seat, once their invitation is accepted (or as the Owner). */
    public static String member(UUID userId) {
        return "user:" + userId;
    }

    /**
     * The seat of someone joining through the organization's SSO connection in sign-in {@code sessionId} (held as
     * {@link #member}): replicas admitting the same sign-in share it; a later sign-in after leaving takes a new one.
     */
    public static String ssoMember(UUID userId, String sessionId) {
        return "sso:" + userId + ":" + sessionId;
    }

    /** A sub-organization's unit of its tree's {@link #SUB_ORGANIZATIONS}, from its creation until it is purged. */
    public static String subOrganization(UUID organizationId) {
        return SUB_ORGANIZATION + organizationId;
    }

    /** The sub-organizations that {@code holders} name ({@link #subOrganization} holders; others are left out). */
    public static java.util.List<UUID> subOrganizations(java.util.List<String> holders) {
        return holders.stream().filter(h -> h.startsWith(SUB_ORGANIZATION)).map(h -> UUID.fromString(h.substring(SUB_ORGANIZATION.length())))
                .toList();
    }

    /** A live API key's API-key seat. */
    public static String apiKey(UUID keyId) {
        return "apikey:" + keyId;
    }
}
