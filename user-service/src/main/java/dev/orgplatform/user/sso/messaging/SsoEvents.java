package dev.orgplatform.user.sso.messaging;

import java.util.Map;
import java.util.UUID;

/** The SSO events user-service publishes on {@value #TOPIC} (schemas in README.md, "Events"); secrets never appear. */
public final class SsoEvents {

    public static final String TOPIC = "sso";

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
