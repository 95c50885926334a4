package dev.orgplatform.org.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What holds for an organization: the strictest of its own security settings and its ancestors'.
 * {@code ipAllowlistEnforced} false means any address may connect; true means only addresses inside
 * {@code ipAllowlist} may (an empty list then admits none: the ancestors' lists do not overlap).
 * {@code billingContactEmail} is the nearest one set, the organization's own first. {@code setBy}: per setting, the
 * organizations whose own value makes the one that holds, root first (absent: nobody set it).
 */
public record EffectiveSettingsResponse(UUID organizationId, boolean enforce2fa, boolean ipAllowlistEnforced, List<String> ipAllowlist,
        Integer maxSessionMinutes, Integer apiKeyMaxLifetimeDays, String billingContactEmail, List<UUID> from,
        Map<String, List<UUID>> setBy) {
}
