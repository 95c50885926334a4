package dev.orgplatform.billing.rest;

import dev.orgplatform.billing.LimitedResource;

/**
 * {@code limit} and {@code maximum} null = unlimited; {@code custom} = set by hand, kept across plan changes;
 * {@code used} = across the tree, {@code usedHere} = by the organization itself.
 */
public record QuotaResponse(LimitedResource resource, Long limit, long used, long usedHere, Long maximum, boolean custom) {
}
