package dev.orgplatform.user.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** API key settings of user-service. */
@ConfigMapping(prefix = "user.api-keys")
public interface ApiKeyConfig {

    /** How often uses counted in memory are written back (read by ApiKeyUsageFlushJob's schedule). */
    @WithDefault("5s")
    Duration usageFlushInterval();
}
