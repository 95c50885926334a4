package dev.orgplatform.billing.rest;

import java.time.Instant;
import java.util.UUID;

import dev.orgplatform.billing.LimitedResource;
import dev.orgplatform.billing.ReservationState;

public record ReservationResponse(UUID id, UUID organizationId, LimitedResource resource, long amount, String idempotencyKey,
        String holder, ReservationState state, Instant expiresAt) {
}
