package dev.orgplatform.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.platform.clock.PlatformClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/**
 * How a consumer handles one event: a transient failure (database or a dependency restarting) is retried with
 * capped backoff for as long as it takes, so an outage of any length loses nothing and the partition waits. Only an
 * event that can never succeed (malformed, unknown schema) fails at once and goes to the dead-letter topic.
 * <p>
 * Metrics: {@code platform.events.retries} (by cause) and {@code platform.events.oldest.unprocessed.age} (seconds
 * since the oldest event still in hand was produced), {@code platform.events.commit.to.effect} (from the event's
 * {@code ce_time}, set where its state change commits, to the end of its handling here, by producing service; p50
 * and p99). One log line when events start failing, one when they are
 * applied again, whatever the number of retries in between.
 */
@ApplicationScoped
public class EventHandling {

    private static final Logger LOG = Logger.getLogger(EventHandling.class);

    private final EventRetryConfig config;
    private final PlatformClock clock;
    private final MeterRegistry metrics;
    /** the production time of every event being handled now, by a token of its handling */
    private final Map<Object, Instant> inHand = new ConcurrentHashMap<>();
    private final AtomicInteger failing = new AtomicInteger();
    private final Map<String, Timer> commitToEffect = new ConcurrentHashMap<>();
    private volatile Instant failingSince;

    public EventHandling(EventRetryConfig config, PlatformClock clock, MeterRegistry metrics) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        Gauge.builder("platform.events.oldest.unprocessed.age", this, EventHandling::oldestUnprocessedAgeSeconds)
                .description("seconds since the oldest event this replica has not applied yet was produced")
                .baseUnit("seconds").register(metrics);
    }

    public Uni<Void> withRetries(InboundEvent event, Supplier<Uni<?>> handler) {
        Object token = new Object();
        AtomicBoolean failed = new AtomicBoolean();
        return Uni.createFrom().deferred(handler).replaceWithVoid()
                .onItem().invoke(() -> applied(event))
                .onFailure(EventHandling::isTransient).invoke(e -> retrying(event, failed, e))
                .onFailure(EventHandling::isTransient).retry().withBackOff(config.firstBackoff(), config.maxBackoff()).indefinitely()
                .onSubscription().invoke(() -> inHand.put(token, event.time() == null ? clock.now() : event.time()))
                .onTermination().invoke(() -> {
                    inHand.remove(token);
                    if (failed.get()) {
                        recovered();
                    }
                });
    }

    private void applied(InboundEvent event) {
        if (event.time() != null) {
            commitToEffect.computeIfAbsent(event.source() == null ? "unknown" : event.source(), source -> Timer
                    .builder("platform.events.commit.to.effect")
                    .description("from an event's production (its state change's commit) to its effect here")
                    .tag("source", source).publishPercentiles(0.5, 0.99).register(metrics))
                    .record(Duration.between(event.time(), clock.now()).abs());
        }
    }

    /** 0 when nothing is in hand. */
    public double oldestUnprocessedAgeSeconds() {
        Instant now = clock.now();
        return inHand.values().stream().min(Instant::compareTo)
                .map(oldest -> Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0)).orElse(0.0);
    }

    private void retrying(InboundEvent event, AtomicBoolean failed, Throwable e) {
        metrics.counter("platform.events.retries", "cause", e.getClass().getSimpleName()).increment();
        if (failed.compareAndSet(false, true) && failing.getAndIncrement() == 0) {
            failingSince = clock.now();
            LOG.warnf("events cannot be applied now (first: %s %s: %s); retrying each with backoff up to %s until it succeeds",
                    event.type(), event.id(), e.toString(), config.maxBackoff());
        } else {
            LOG.debugf("event %s %s failed again: %s", event.type(), event.id(), e.toString());
        }
    }

    private void recovered() {
        if (failing.decrementAndGet() == 0) {
            Instant since = failingSince;
            LOG.infof("events are applied again after failing for %s",
                    since == null ? "a while" : Duration.between(since, clock.now()));
        }
    }

    private static boolean isTransient(Throwable e) {
        return !(e instanceof MalformedEventException);
    }
}
