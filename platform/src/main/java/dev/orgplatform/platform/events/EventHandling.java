package dev.orgplatform.platform.events;

import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Metrics;
import io.smallrye.mutiny.Uni;

/**
 * How a consumer handles one event: a transient failure (database or a dependency restarting) is retried with
 * backoff for as long as it takes, so an outage of any length loses nothing and the partition waits; each retry is
 * counted ({@code platform.events.retries}). Only an event that can never succeed (malformed, unknown schema) fails
 * at once and goes to the dead-letter topic, so it never blocks its partition.
 */
public final class EventHandling {

    private static final Logger LOG = Logger.getLogger(EventHandling.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private EventHandling() {
    }

    public static Uni<Void> withRetries(Supplier<Uni<?>> handler) {
        return Uni.createFrom().deferred(handler).replaceWithVoid()
                .onFailure(EventHandling::isTransient).invoke(EventHandling::count)
                .onFailure(EventHandling::isTransient).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).indefinitely();
    }

    private static boolean isTransient(Throwable e) {
        return !(e instanceof MalformedEventException);
    }

    private static void count(Throwable e) {
        Metrics.counter("platform.events.retries", "cause", e.getClass().getSimpleName()).increment();
        LOG.warnf("event handling failed, retrying: %s", e.toString());
    }
}
