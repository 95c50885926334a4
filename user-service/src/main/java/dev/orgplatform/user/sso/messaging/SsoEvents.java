package dev.orgplatform.user.sso.messaging;

import java.util.Map;
import java.util.UUID;

import dev.orgplatform.platform.events.EventTypes;

/** The SSO events user-service publishes on {@value #TOPIC} (schemas in README.md, "Events"); secrets never appear. */
public final class SsoEvents {

    public static final String TOPIC = "sso";

    public static final String CONNECTION_CREATED = EventTypes.SSO_CONNECTION_CREATED;
    public static final String CONNECTION_CHANGED = EventTypes.SSO_CONNECTION_CHANGED;
    public static final String CONNECTION_DELETED = EventTypes.SSO_CONNECTION_DELETED;
    public static final String DOMAIN_CLAIMED = EventTypes.DOMAIN_CLAIMED;
    public static final String DOMAIN_VERIFIED = EventTypes.DOMAIN_VERIFIED;
    public static final String DOMAIN_VERIFICATION_FAILED = EventTypes.DOMAIN_VERIFICATION_FAILED;
    public static final String DOMAIN_REMOVED = EventTypes.DOMAIN_REMOVED;
    public static final String SIGN_IN_POLICY_CHANGED = EventTypes.SIGN_IN_POLICY_CHANGED;
    public static final String MEMBER_JOINED_THROUGH_SSO = EventTypes.MEMBER_JOINED_THROUGH_SSO;

    private SsoEvents() {
    }

    /** {@code changes}: field -> [before, after] for a change; the connection's settings for a creation. */
    public record SsoConnection(UUID connectionId, UUID organizationId, String alias, String protocol, String domain,
            Map<String, Object> changes) {
    }

    public record Domain(UUID domainId, UUID organizationId, String domain, String failure) {
    }

    public record SignInPolicyChanged(UUID organizationId, String before, String after) {
    }

    /** {@code reservationId}: the member's user seat at billing-service, which commits it from this event. */
    public record MemberJoinedThroughSso(UUID organizationId, UUID userId, UUID connectionId, String role, String team,
            UUID reservationId) {
    }
}
