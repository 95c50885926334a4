package dev.orgplatform.billing.rest;

import dev.orgplatform.billing.LimitedResource;

/** {@code limit} null = unlimited. */
public record QuotaResponse(LimitedResource resource, Long limit, long used, Long maximum) {
}
