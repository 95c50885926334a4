package dev.orgplatform.org.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Deletion ({@code org.deletion.*}): a deleted organization is restorable for the grace period, then purged.
 * Each default is set here and nowhere else.
 */
@ConfigMapping(prefix = "org.deletion")
public interface DeletionConfig {

    @WithDefault("P7D")
    Duration gracePeriod();

    /** How often OrganizationPurgeJob runs (read by its {@code @Scheduled} expression). */
    @WithDefault("10m")
    Duration purgeInterval();
}
