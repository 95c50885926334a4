package dev.orgplatform.org.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** An organization's own settings, replaced as a whole (PUT). */
public record SettingsRequest(@Valid @NotNull Security security, @Email @Size(max = 320) String billingContactEmail) {

    /**
     * {@code ipAllowlist}: CIDRs; empty = no restriction of its own. Null limits = none of its own (the
     * ancestors' still hold).
     */
    @ValidCidrs
    public record Security(boolean enforce2fa, @Size(max = 100) List<String> ipAllowlist, @Positive Integer maxSessionMinutes,
            @Positive Integer apiKeyMaxLifetimeDays) {
    }
}
