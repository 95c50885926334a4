package dev.orgplatform.billing;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A resource an organization's plan limits: its default limit and the most it may be raised to (null = unlimited). */
public enum LimitedResource {
    @JsonProperty("products") PRODUCTS("products", 100L, null),
    @JsonProperty("devices") DEVICES("devices", 10_000L, null),
    @JsonProperty("users") USERS("users", 50L, 500L),
    @JsonProperty("apiKeys") API_KEYS("apiKeys", 100L, 1_000L),
    @JsonProperty("webhooks") WEBHOOKS("webhooks", 25L, 100L);

    private final String key;
    private final Long defaultLimit;
    private final Long maximum;

    LimitedResource(String key, Long defaultLimit, Long maximum) {
        this.key = key;
        this.defaultLimit = defaultLimit;
        this.maximum = maximum;
    }

    /** The name in JSON and in paths. */
    public String key() {
        return key;
    }

    public Long defaultLimit() {
        return defaultLimit;
    }

    /** Null when the limit may be raised without bound. */
    public Long maximum() {
        return maximum;
    }
}
