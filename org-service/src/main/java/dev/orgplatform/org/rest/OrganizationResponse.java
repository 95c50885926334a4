package dev.orgplatform.org.rest;

import java.time.Instant;
import java.util.UUID;

import dev.orgplatform.org.OrganizationState;
import dev.orgplatform.org.Region;

public record OrganizationResponse(UUID id, String name, String displayName, String description, String contactEmail,
        Region region, String country, String type, OrganizationState state, UUID parentId, UUID rootId, int depth, UUID ownerId, Instant purgeAfter,
        Instant createdAt, Instant updatedAt, long version) {
}
