package dev.orgplatform.user.rest;

import java.time.Instant;
import java.util.UUID;

import dev.orgplatform.user.Role;

public record MemberResponse(UUID userId, UUID organizationId, Role role, Instant since) {
}
