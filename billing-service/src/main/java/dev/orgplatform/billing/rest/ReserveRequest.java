package dev.orgplatform.billing.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import dev.orgplatform.billing.LimitedResource;

/** {@code holder} (optional) names who holds the units, e.g. {@code user:<id>}; default the idempotency key. */
public record ReserveRequest(@NotNull LimitedResource resource, @Positive @Max(1_000_000) long amount,
        @NotBlank @Size(max = 200) String idempotencyKey, @Size(max = 200) String holder) {
}
