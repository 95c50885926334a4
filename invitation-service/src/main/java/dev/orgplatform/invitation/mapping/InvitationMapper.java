package dev.orgplatform.invitation.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.orgplatform.invitation.Invitation;
import dev.orgplatform.invitation.messaging.InvitationEvents;
import dev.orgplatform.invitation.rest.InvitationResponse;

public final class InvitationMapper {

    private InvitationMapper() {
    }

    /** The invitation as of {@code now} (an overdue pending one shows EXPIRED). */
    public static InvitationResponse toResponse(Invitation i, Instant now) {
        return new InvitationResponse(i.id, i.organizationId, i.email, i.name, i.role, List.of(i.teams), i.note, i.stateAt(now),
                i.deliveryState, i.invitedBy, i.acceptedBy, i.createdAt, i.sentAt, i.expiresAt, i.endedAt);
    }

    public static InvitationEvents.InvitationCreated toCreated(Invitation i) {
        return new InvitationEvents.InvitationCreated(i.id, i.organizationId, i.email, i.role, List.of(i.teams), i.invitedBy, i.expiresAt);
    }

    public static InvitationEvents.InvitationResent toResent(Invitation i) {
        return new InvitationEvents.InvitationResent(i.id, i.organizationId, i.expiresAt);
    }

    public static InvitationEvents.InvitationAccepted toAccepted(Invitation i, UUID userId, String name) {
        return new InvitationEvents.InvitationAccepted(i.id, i.organizationId, userId, i.email, name, i.role, List.of(i.teams),
                i.reservationId);
    }

    public static InvitationEvents.InvitationEnded toEnded(Invitation i) {
        return new InvitationEvents.InvitationEnded(i.id, i.organizationId, i.reservationId);
    }
}
