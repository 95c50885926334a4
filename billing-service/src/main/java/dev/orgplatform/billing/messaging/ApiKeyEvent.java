package dev.orgplatform.billing.messaging;

import java.util.UUID;

/** The fields of user-service's ApiKeyCreated / ApiKeyRevoked that move a key's API-key seat. */
public record ApiKeyEvent(UUID keyId, UUID organizationId, UUID reservationId) {
}
