package dev.orgplatform.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.clock.PlatformClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

class EventHandlingTest {

    private static final Instant PRODUCED = Instant.parse("2026-12-06T10:00:00Z");

    /** Time moves only when an attempt says so: the outage lasts minutes of this clock and milliseconds of real time. */
    private static final class MovedClock extends PlatformClock {
        Instant now = PRODUCED;

        @Override
        public Instant now() {
            return now;
        }
    }

    private final MovedClock clock = new MovedClock();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final EventHandling handling = new EventHandling(new EventRetryConfig() {
        @Override
        public Duration firstBackoff() {
            return Duration.ofMillis(1);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofMillis(2);
        }
    }, clock, metrics);

    private static InboundEvent event() {
        return new InboundEvent(new EventEnvelope(UUID.randomUUID().toString(), "OrganizationCreated", "/org-service", null,
                UUID.randomUUID(), PRODUCED, "{}", null, null, 1L));
    }

    @Test
    void aDatabaseAwayForLongerThanTheOldThreeMinuteLimitLosesNothing() {
        Instant back = PRODUCED.plus(Duration.ofMinutes(5));
        AtomicInteger applied = new AtomicInteger();
        List<Double> agesWhileDown = new ArrayList<>();

        handling.withRetries(event(), () -> {
            if (clock.now.isBefore(back)) {
                agesWhileDown.add(handling.oldestUnprocessedAgeSeconds());
                clock.now = clock.now.plusSeconds(10); // each attempt waits out the longest backoff
                return Uni.createFrom().failure(new ConnectException("Connection refused"));
            }
            applied.incrementAndGet();
            return Uni.createFrom().voidItem();
        }).await().atMost(Duration.ofSeconds(30));

        assertEquals(1, applied.get(), "applied once the database was back");
        assertEquals(30, agesWhileDown.size(), "an attempt every 10 s for 5 minutes");
        assertEquals(290.0, agesWhileDown.get(29), "the oldest event's age grows while it cannot be applied");
        assertEquals(30.0, metrics.counter("platform.events.retries", "cause", "ConnectException").count());
        assertEquals(0.0, handling.oldestUnprocessedAgeSeconds(), "nothing in hand once applied");
        assertEquals(0.0, metrics.get("platform.events.oldest.unprocessed.age").gauge().value());
    }

    @Test
    void theAgeIsTheOldestOfTheEventsInHand() {
        InboundEvent older = event();
        Uni<Void> waiting = handling.withRetries(older, () -> Uni.createFrom().nothing());
        var pending = waiting.subscribe().with(ok -> { }, failure -> { });
        clock.now = PRODUCED.plusSeconds(42);

        assertEquals(42.0, metrics.get("platform.events.oldest.unprocessed.age").gauge().value());
        pending.cancel();
        assertEquals(0.0, handling.oldestUnprocessedAgeSeconds(), "a cancelled handling is not in hand any more");
    }

    @Test
    void aMalformedEventFailsAtOnceForItsDeadLetterTopic() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<Void> handled = handling.withRetries(event(), () -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new MalformedEventException("no organizationId"));
        });

        assertThrows(MalformedEventException.class, () -> handled.await().atMost(Duration.ofSeconds(5)));
        assertEquals(1, attempts.get());
        assertTrue(metrics.find("platform.events.retries").counters().isEmpty(), "never retried");
    }
}
