package dev.orgplatform.billing.rest;

import dev.orgplatform.billing.LimitedResource;

/** {@code limit} and {@code maximum} null = unlimited; {@code custom} = set by hand, kept across plan changes. */
public record QuotaResponse(LimitedResource resource, Long limit, long used, Long maximum, boolean custom) {
}
