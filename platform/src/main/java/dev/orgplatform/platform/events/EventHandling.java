package dev.orgplatform.platform.events;

import java.time.Duration;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * How a consumer handles one event: a transient failure (database or broker restarting) is retried with
 * backoff, so nothing is lost; an event that can never succeed fails at once and goes to the dead-letter
 * topic, so it never blocks its partition.
 */
public final class EventHandling {

    private static final int ATTEMPTS = 40;

    private EventHandling() {
    }

    public static Uni<Void> withRetries(Supplier<Uni<?>> handler) {
        return Uni.createFrom().deferred(handler).replaceWithVoid()
                .onFailure(e -> !(e instanceof MalformedEventException))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(ATTEMPTS);
    }
}
