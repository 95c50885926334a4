package dev.orgplatform.invitation.mapping;

import java.util.List;
import java.util.UUID;

import dev.orgplatform.invitation.Invitation;
import dev.orgplatform.invitation.InvitationState;
import dev.orgplatform.invitation.messaging.InvitationEvents;
import dev.orgplatform.invitation.rest.AcceptanceResponse;
import dev.orgplatform.invitation.rest.CreateInvitationRequest;
import dev.orgplatform.invitation.rest.InvitationResponse;
import dev.orgplatform.invitation.service.NewInvitation;
import dev.orgplatform.platform.security.Role;

public final class InvitationMapper {

    private InvitationMapper() {
    }

    /** The request as a command; {@code role} was validated ({@code InvitableRole}). */
    public static NewInvitation toCommand(UUID organizationId, UUID inviterId, Role inviterRole, CreateInvitationRequest r) {
        return new NewInvitation(organizationId, inviterId, inviterRole, r.email(), r.name(), Role.named(r.role()), r.teams(), r.note());
    }

    /** {@code state} is the state as of now (an overdue pending one shows EXPIRED: {@code InvitationExpiry}). */
    public static InvitationResponse toResponse(Invitation i, InvitationState state) {
        return new InvitationResponse(i.id, i.organizationId, i.email, i.name, i.role, List.of(i.teams), i.note, state,
                i.deliveryState, i.invitedBy, i.acceptedBy, i.createdAt, i.sentAt, i.expiresAt, i.endedAt);
    }

    public static AcceptanceResponse toAcceptance(Invitation i) {
        return new AcceptanceResponse(i.id, i.organizationId, i.acceptedBy, i.email, i.role, List.of(i.teams));
    }

    public static InvitationEvents.InvitationCreated toCreated(Invitation i) {
        return new InvitationEvents.InvitationCreated(i.id, i.organizationId, i.email, i.role, List.of(i.teams), i.invitedBy, i.expiresAt,
                i.reservationId);
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
