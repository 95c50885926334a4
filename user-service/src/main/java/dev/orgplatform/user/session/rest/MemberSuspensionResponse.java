package dev.orgplatform.user.session.rest;

import java.time.Instant;
import java.util.UUID;

public record MemberSuspensionResponse(UUID organizationId, UUID userId, String reason, UUID suspendedBy, Instant suspendedAt) {
}
