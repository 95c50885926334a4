package dev.orgplatform.user.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the access view follows the database's change feed (AccessChangeFeed). */
@ConfigMapping(prefix = "user.access")
public interface AccessConfig {

    /** How often every replica polls the change feed. */
    @WithDefault("100ms")
    Duration pollInterval();

    /** The view answers only while a poll that started at most this long ago has completed. */
    @WithDefault("1s")
    Duration stalenessBound();

    /**
     * The service whose facts the view copies from Kafka (organizations: parents, availability, 2FA rule), as its
     * events name their source. Its relay sends a watermark on every partition a few times a second; the view
     * answers only while the oldest partition's watermark arrived within {@link #stalenessBound()}.
     */
    @WithDefault("/org-service")
    String followedSource();

    /** How long a check waits for a fresh poll (a stale view, or a denial asked again) before a 503. */
    @WithDefault("1s")
    Duration catchUpTimeout();

    /** Changes older than this are deleted from the feed. */
    @WithDefault("10m")
    Duration changeRetention();

    /** A replica that has not polled successfully for this long reloads the whole view (the feed may have lost rows). */
    @WithDefault("5m")
    Duration reloadAfter();

    /** How often old changes are deleted. */
    @WithDefault("1m")
    Duration cleanupInterval();
}
