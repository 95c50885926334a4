package dev.orgplatform.org.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An organization's own settings; the ETag is {@code version}. */
public record SettingsResponse(UUID organizationId, Security security, String billingContactEmail, Instant updatedAt, long version) {

    public record Security(boolean enforce2fa, List<String> ipAllowlist, Integer maxSessionMinutes, Integer apiKeyMaxLifetimeDays) {
    }
}
