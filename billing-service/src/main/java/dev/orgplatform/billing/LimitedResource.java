package dev.orgplatform.billing;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.orgplatform.platform.client.ReservationKeys;

/**
 * A resource whose usage billing counts per organization. The first five are limited (the plan sets the limit, a
 * custom limit may raise it up to {@code maximum}; null = no maximum); {@code activeDeployments} is only tracked
 * (never limited) so that deletion can ask whether any run; {@code subOrganizations} is limited by the plan alone (none
 * where the plan does not include them, no limit where it does), never by hand. Limits per plan: {@link Plan}. The resources other services
 * reserve are named as {@link ReservationKeys} names them.
 */
public enum LimitedResource {
    @JsonProperty("products") PRODUCTS("products", null, true),
    @JsonProperty("devices") DEVICES("devices", null, true),
    @JsonProperty(ReservationKeys.USERS) USERS(ReservationKeys.USERS, 500L, true),
    @JsonProperty(ReservationKeys.API_KEYS) API_KEYS(ReservationKeys.API_KEYS, 1_000L, true),
    @JsonProperty("webhooks") WEBHOOKS("webhooks", 100L, true),
    @JsonProperty("activeDeployments") ACTIVE_DEPLOYMENTS("activeDeployments", null, false),
    @JsonProperty(ReservationKeys.SUB_ORGANIZATIONS) SUB_ORGANIZATIONS(ReservationKeys.SUB_ORGANIZATIONS, null, false);

    private final String key;
    private final Long maximum;
    private final boolean limited;

    LimitedResource(String key, Long maximum, boolean limited) {
        this.key = key;
        this.maximum = maximum;
        this.limited = limited;
    }

    /** The name in JSON and in paths. */
    public String key() {
        return key;
    }

    /** Null when the limit may be raised without bound. */
    public Long maximum() {
        return maximum;
    }

    /** False for a counter that is tracked only: it takes no custom limit. */
    public boolean limited() {
        return limited;
    }

    /** The resource named {@code key} in a path, or null. */
    public static LimitedResource ofKey(String key) {
        for (LimitedResource r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        return null;
    }
}
