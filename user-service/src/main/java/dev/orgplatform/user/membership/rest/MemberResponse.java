package dev.orgplatform.user.membership.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.membership.UserStatus;

/** A member of an organization: who (name, email), role, the names of their teams there, and their user status. */
public record MemberResponse(UUID userId, String name, String email, UUID organizationId, Role role, List<String> teams,
        UserStatus status, Instant since) {
}
