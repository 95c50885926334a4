package dev.orgplatform.invitation.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.orgplatform.invitation.DeliveryState;
import dev.orgplatform.invitation.InvitationState;

public record InvitationResponse(UUID id, UUID organizationId, String email, String name, String role, List<String> teams,
        String note, InvitationState state, DeliveryState deliveryState, UUID invitedBy, UUID acceptedBy, Instant createdAt,
        Instant sentAt, Instant expiresAt, Instant endedAt) {
}
