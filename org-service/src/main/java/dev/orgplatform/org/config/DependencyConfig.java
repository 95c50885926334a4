package dev.orgplatform.org.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Calls to other services ({@code org.dependencies.*}); each default is set here and nowhere else. */
@ConfigMapping(prefix = "org.dependencies")
public interface DependencyConfig {

    /** How long a call to user-service or billing-service may take before the request answers 503. */
    @WithDefault("3s")
    Duration timeout();

    /** How long creating or restoring waits until the author can use the organization on every service (0: not at all). */
    @WithDefault("5s")
    Duration readYourWritesTimeout();
}
