package dev.orgplatform.invitation.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The events invitation-service publishes on {@value #TOPIC} (schemas in README.md, "Events"). */
public final class InvitationEvents {

    public static final String TOPIC = "invitations";

    private InvitationEvents() {
    }

    /** {@code reservationId}: the invitation's user seat at billing-service, which commits it from this event. */
    public record InvitationCreated(UUID invitationId, UUID organizationId, String email, String role, List<String> teams,
            UUID invitedBy, Instant expiresAt, UUID reservationId) {
    }

    public record InvitationResent(UUID invitationId, UUID organizationId, Instant expiresAt) {
    }

    /** user-service makes the membership from it; billing-service moves the seat to {@code user:<userId>}. */
    public record InvitationAccepted(UUID invitationId, UUID organizationId, UUID userId, String email, String name, String role,
            List<String> teams, UUID reservationId) {
    }

    /** InvitationRevoked and InvitationExpired: billing-service releases the seat {@code reservationId}. */
    public record InvitationEnded(UUID invitationId, UUID organizationId, UUID reservationId) {
    }
}
