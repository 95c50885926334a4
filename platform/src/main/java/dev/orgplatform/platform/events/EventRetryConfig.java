package dev.orgplatform.platform.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a consumer backs off while an event cannot be applied yet; it never gives up on a transient failure. */
@ConfigMapping(prefix = "platform.events.retry")
public interface EventRetryConfig {

    /** The wait after the first failure; it doubles (with jitter) on each further one. */
    @WithDefault("0.1s")
    Duration firstBackoff();

    /** The longest wait between two attempts, however long the outage lasts. */
    @WithDefault("10s")
    Duration maxBackoff();
}
