package dev.orgplatform.user.apikey.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The API key events user-service publishes on {@value #TOPIC} (schemas in README.md, "Events"). */
public final class ApiKeyEvents {

    public static final String TOPIC = "apikeys";

    private ApiKeyEvents() {
    }

    public record ApiKeyCreated(UUID keyId, UUID organizationId, UUID userId, String name, List<String> scopes, Instant expiresAt) {
    }

    public record ApiKeyRotated(UUID keyId, UUID organizationId, UUID userId) {
    }

    public record ApiKeyRevoked(UUID keyId, UUID organizationId, UUID userId, UUID reservationId) {
    }

    /** Uses of a key since the last report (uses are counted in memory and reported in batches). */
    public record ApiKeyUsed(UUID keyId, UUID organizationId, UUID userId, long uses, Instant lastUsedAt) {
    }
}
