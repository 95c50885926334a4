package dev.orgplatform.invitation.mapping;

import java.util.List;

import dev.orgplatform.invitation.Invitation;
import dev.orgplatform.invitation.messaging.InvitationEvents;
import dev.orgplatform.invitation.rest.InvitationResponse;

public final class InvitationMapper {

    private InvitationMapper() {
    }

    public static InvitationResponse toResponse(Invitation i) {
        return new InvitationResponse(i.id, i.organizationId, i.email, i.name, i.role, List.of(i.teams), i.note, i.state, i.invitedBy,
                i.createdAt, i.expiresAt);
    }

    public static InvitationEvents.InvitationCreated toCreated(Invitation i) {
        return new InvitationEvents.InvitationCreated(i.id, i.organizationId, i.email, i.role, List.of(i.teams), i.invitedBy, i.expiresAt);
    }
}
