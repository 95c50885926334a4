package dev.orgplatform.billing.rest;

import java.util.List;

/** {@code satisfied} = billing does not block deletion; otherwise {@code blockers} says why, one line each. */
public record DeletionPreconditionsResponse(long devices, long activeDeployments, long outstandingCents, boolean satisfied,
        List<String> blockers) {
}
