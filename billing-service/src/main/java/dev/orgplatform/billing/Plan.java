package dev.orgplatform.billing;

import java.util.EnumMap;
import java.util.Map;

import static dev.orgplatform.billing.LimitedResource.ACTIVE_DEPLOYMENTS;
import static dev.orgplatform.billing.LimitedResource.API_KEYS;
import static dev.orgplatform.billing.LimitedResource.DEVICES;
import static dev.orgplatform.billing.LimitedResource.PRODUCTS;
import static dev.orgplatform.billing.LimitedResource.USERS;
import static dev.orgplatform.billing.LimitedResource.WEBHOOKS;

/**
 * The plans and their limit per resource: THE plan table (README.md, "Plans and limits", repeats it).
 * Free carries SPEC.md's defaults; each higher plan gives more, never above a resource's maximum; null = unlimited.
 */
public enum Plan {
    //          products  devices     users  apiKeys  webhooks
    FREE(       100L,     10_000L,    50L,   100L,    25L),
    PLUS(       250L,     25_000L,    100L,  250L,    40L),
    PRO(        1_000L,   100_000L,   200L,  500L,    60L),
    BUSINESS(   5_000L,   1_000_000L, 350L,  750L,    80L),
    ENTERPRISE( null,     null,       500L,  1_000L,  100L);

    private final Map<LimitedResource, Long> limits = new EnumMap<>(LimitedResource.class);

    Plan(Long products, Long devices, Long users, Long apiKeys, Long webhooks) {
        limits.put(PRODUCTS, products);
        limits.put(DEVICES, devices);
        limits.put(USERS, users);
        limits.put(API_KEYS, apiKeys);
        limits.put(WEBHOOKS, webhooks);
        limits.put(ACTIVE_DEPLOYMENTS, null); // tracked, never limited
    }

    /** This plan's limit of {@code resource}; null = unlimited. */
    public Long limit(LimitedResource resource) {
        return limits.get(resource);
    }
}
