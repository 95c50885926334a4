package dev.orgplatform.billing.messaging;

import java.util.UUID;

/** The fields of invitation-service's InvitationAccepted / Revoked / Expired that move a seat. */
public record InvitationEvent(UUID invitationId, UUID organizationId, UUID userId, UUID reservationId) {
}
