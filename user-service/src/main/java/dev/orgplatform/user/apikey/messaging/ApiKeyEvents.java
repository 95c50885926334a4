package dev.orgplatform.user.apikey.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The API key events user-service publishes on {@value #TOPIC} (schemas in README.md, "Events"). */
public final class ApiKeyEvents {

    public static final String TOPIC = "apikeys";

    private ApiKeyEvents() {
    }

    /** {@code reservationId}: the key's API-key seat at billing-service, which commits it from this event. */
    public record ApiKeyCreated(UUID keyId, UUID organizationId, UUID userId, String name, List<String> scopes, Instant expiresAt,
            UUID reservationId) {
    }

    public record ApiKeyRotated(UUID keyId, UUID organizationId, UUID userId) {
    }

    /** billing-service releases the key's seat ({@code reservationId}) from this event. */
    public record ApiKeyRevoked(UUID keyId, UUID organizationId, UUID userId, UUID reservationId) {
    }

    /** Uses of a key since the last report (uses are counted in memory and reported in batches). */
    public record ApiKeyUsed(UUID keyId, UUID organizationId, UUID userId, long uses, Instant lastUsedAt) {
    }
}
