package dev.orgplatform.invitation.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The events invitation-service publishes on {@value #TOPIC} (schemas in README.md, "Events"). */
public final class InvitationEvents {

    public static final String TOPIC = "invitations";

    private InvitationEvents() {
    }

    public record InvitationCreated(UUID invitationId, UUID organizationId, String email, String role, List<String> teams,
            UUID invitedBy, Instant expiresAt) {
    }
}
