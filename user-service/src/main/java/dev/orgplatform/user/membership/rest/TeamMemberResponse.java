package dev.orgplatform.user.membership.rest;

import java.util.UUID;

import dev.orgplatform.user.membership.TeamMember;

public record TeamMemberResponse(UUID teamId, UUID userId, TeamMember.TeamRole teamRole) {
}
