package dev.orgplatform.org.service;

import java.util.List;

/** An organization's own settings, replaced as a whole; {@code ipAllowlist} holds valid CIDRs (null: none of its own). */
public record SettingsChange(boolean enforce2fa, List<String> ipAllowlist, Integer maxSessionMinutes, Integer apiKeyMaxLifetimeDays,
        String billingContactEmail) {
}
