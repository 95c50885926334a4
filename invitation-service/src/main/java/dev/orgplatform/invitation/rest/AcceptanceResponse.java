package dev.orgplatform.invitation.rest;

import java.util.List;
import java.util.UUID;

/** What the invitee learns on accepting: where they join, as what; the membership follows from the event. */
public record AcceptanceResponse(UUID invitationId, UUID organizationId, UUID userId, String email, String role, List<String> teams) {
}
