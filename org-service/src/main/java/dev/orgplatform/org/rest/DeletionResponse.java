package dev.orgplatform.org.rest;

import java.time.Instant;
import java.util.UUID;

import dev.orgplatform.org.OrganizationState;

public record DeletionResponse(UUID organizationId, OrganizationState state, Instant purgeAfter) {
}
