package dev.orgplatform.user.messaging;

import java.util.UUID;

/** The events user-service publishes on {@value #TOPIC} (schemas in README.md, "Events"). */
public final class MembershipEvents {

    public static final String TOPIC = "memberships";

    private MembershipEvents() {
    }

    public record MembershipGranted(UUID membershipId, UUID organizationId, UUID userId, String role) {
    }
}
