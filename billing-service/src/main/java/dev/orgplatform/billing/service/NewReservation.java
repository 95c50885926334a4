package dev.orgplatform.billing.service;

import java.util.UUID;

import dev.orgplatform.billing.LimitedResource;

/** Set {@code amount} units of {@code resource} aside; {@code holder} null = the idempotency key holds them. */
public record NewReservation(UUID organizationId, LimitedResource resource, long amount, String idempotencyKey, String holder) {
}
