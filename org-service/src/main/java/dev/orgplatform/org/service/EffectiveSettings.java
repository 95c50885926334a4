package dev.orgplatform.org.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What holds for an organization ({@link EffectiveSettingsRule}). {@code ipAllowlistEnforced} false: any address
 * may connect; true: only addresses inside {@code ipAllowlist} (empty: none). {@code from}: the organizations
 * whose settings were combined, root first. {@code setBy}: per setting (enforce2fa, ipAllowlist, maxSessionMinutes,
 * apiKeyMaxLifetimeDays, billingContactEmail), the organizations whose own value makes the one that holds, root first
 * (absent: nobody on the path set it).
 */
public record EffectiveSettings(UUID organizationId, boolean enforce2fa, boolean ipAllowlistEnforced, List<String> ipAllowlist,
        Integer maxSessionMinutes, Integer apiKeyMaxLifetimeDays, String billingContactEmail, List<UUID> from,
        Map<String, List<UUID>> setBy) {
}
