package dev.orgplatform.user.apikey.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An API key as listed; {@code secret} is present only in the answer that created or rotated it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyResponse(UUID id, UUID organizationId, UUID userId, String name, String prefix, List<String> scopes,
        Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, long useCount, String secret) {
}
