package dev.orgplatform.user.access.service;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.user.access.AccessChange;
import dev.orgplatform.user.access.Freshness;
import dev.orgplatform.user.access.SingleFlightPoll;
import dev.orgplatform.user.access.repository.AccessChangeRepository;
import dev.orgplatform.user.config.AccessConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * How every replica learns of every access fact committed by any of them: it polls the database's change feed
 * ({@code access_change}, written by triggers) every {@link AccessConfig#pollInterval()}, and at once when a
 * check needs it. It also says whether the view may answer: only while a poll that started at most
 * {@link AccessConfig#stalenessBound()} ago has completed; otherwise a check waits for a fresh poll and, when none
 * succeeds in time (the database is down), fails closed with a 503. Never "allowed" from a stale view.
 */
@ApplicationScoped
public class AccessChangeFeed {

    private static final Logger LOG = Logger.getLogger(AccessChangeFeed.class);
    private static final Duration FIRST_LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final AccessChangeRepository changes;
    private final AccessChangeApplier applier;
    private final AccessViewLoader loader;
    private final AccessConfig config;
    private final Vertx vertx;
    private final SingleFlightPoll polls = new SingleFlightPoll(this::pollOnce, System::nanoTime);
    private final Counter deniedCatchUps;
    private final Counter staleCatchUps;
    private final Counter reloads;
    private final AtomicBoolean failing = new AtomicBoolean();
    /** The oldest transaction the next poll reads from (every one below it has ended and was read). */
    private volatile long from;
    /** Fact versions below this may go, at the start of the next poll (set by the cleanup job). */
    private volatile Long pruneBelow;
    private volatile long failingSince;
    /** When (this JVM's nanos) the oldest partition's newest watermark of the followed source was produced. */
    private volatile Long followedAt;
    private long timer = -1;

    public AccessChangeFeed(AccessChangeRepository changes, AccessChangeApplier applier, AccessViewLoader loader,
            AccessConfig config, Vertx vertx, MeterRegistry metrics) {
        this.changes = changes;
        this.applier = applier;
        this.loader = loader;
        this.config = config;
        this.vertx = vertx;
        this.deniedCatchUps = Counter.builder("access.view.catchups").tag("reason", "denied")
                .description("checks asked again after a fresh poll").register(metrics);
        this.staleCatchUps = Counter.builder("access.view.catchups").tag("reason", "stale").register(metrics);
        this.reloads = Counter.builder("access.view.reloads").description("full reloads after a long poll outage")
                .register(metrics);
        Gauge.builder("access.view.staleness.seconds", this, AccessChangeFeed::stalenessSeconds)
                .description("time since the last completed poll of the change feed started").register(metrics);
    }

    /** The view is loaded before the service takes traffic; then it is polled on a timer. */
    void start(@Observes StartupEvent start) throws Exception {
        polls.after(System.nanoTime()).get(FIRST_LOAD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> polls.tick());
    }

    void stop(@Observes ShutdownEvent stop) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * The answer to {@code question}, standing at once when the view is current and it is {@code positive}; any
     * other answer (a denial, an unknown key) is asked again once after a poll that started after this call, so what
     * any replica committed before is seen here too.
     */
    public <T> Uni<T> answer(Supplier<T> question, Predicate<T> positive) {
        long arrived = System.nanoTime();
        boolean current = current(arrived);
        if (current) {
            T answer = question.get();
            if (positive.test(answer)) {
                return Uni.createFrom().item(answer);
            }
        }
        (current ? deniedCatchUps : staleCatchUps).increment();
        return caughtUpAfter(arrived, true).map(ignored -> question.get());
    }

    /**
     * After a local commit: completes once a poll that started after this call was applied, so the writer's next
     * request sees its write here. Bounded; a failure is logged, not raised (the write is committed, and a view
     * that cannot poll stops answering within the staleness bound).
     */
    public Uni<Void> awaitApplied() {
        return caughtUpAfter(System.nanoTime(), false).onFailure().recoverWithUni(e -> {
            LOG.debugf("a committed change is not in this view yet: %s", e.toString());
            return Uni.createFrom().voidItem();
        });
    }

    /** From the cleanup job: no change below {@code id} is left in the feed. */
    public void forgetBelow(long id) {
        pruneBelow = id;
    }

    public boolean current() {
        return current(System.nanoTime());
    }

    /** A watermark of a followed source was applied here (by whichever replica consumes that partition). */
    public Uni<Void> watermarkSeen(String source, int partition, Instant producedAt) {
        return changes.watermarkSeen(source, partition, producedAt);
    }

    private boolean current(long now) {
        return Freshness.isCurrent(polls.lastCompletedStart(), now, config.stalenessBound())
                && Freshness.followedCurrent(followedAt, now, config.stalenessBound());
    }

    /**
     * Completes once a poll that started after {@code arrived} was applied and, with {@code followed}, once the
     * followed source's watermarks are current too; a 503 after the catch-up timeout.
     */
    private Uni<Void> caughtUpAfter(long arrived, boolean followed) {
        Context context = Vertx.currentContext();
        Duration backoff = config.pollInterval().dividedBy(4);
        Uni<Void> fresh = Uni.createFrom().completionStage(() -> polls.after(arrived))
                .invoke(() -> {
                    if (followed && !Freshness.followedCurrent(followedAt, System.nanoTime(), config.stalenessBound())) {
                        throw new IllegalStateException("no recent watermark of " + config.followedSource());
                    }
                })
                .onFailure().retry().withBackOff(backoff, config.pollInterval()).indefinitely()
                .ifNoItem().after(config.catchUpTimeout()).failWith(() -> Freshness.followedCurrent(followedAt, System.nanoTime(), config.stalenessBound())
                        ? ProblemException.unavailable(ProblemException.POSTGRESQL, "Access check unavailable",
                                "the access view could not be brought up to date with the database; try again shortly")
                        : ProblemException.unavailable(ProblemException.KAFKA, "Access check unavailable",
                                "the access view has heard nothing recent from " + config.followedSource()
                                        + " through Kafka, so it cannot tell whether an organization changed; try again shortly"));
        // back on the caller's context: a Hibernate Reactive session may go on after the check
        return context == null ? fresh : fresh.emitOn(task -> context.runOnContext(v -> task.run()));
    }

    /** One poll of the feed, or a full reload when the view was never loaded or could not poll for too long. */
    private CompletionStage<?> pollOnce() {
        Long last = polls.lastCompletedStart();
        boolean reload = last == null || System.nanoTime() - last > config.reloadAfter().toNanos();
        Uni<Void> work;
        if (reload) {
            work = loader.load().invoke(next -> {
                from = next;
                if (last != null) {
                    reloads.increment();
                }
            }).replaceWithVoid();
        } else {
            Long prune = pruneBelow;
            if (prune != null) {
                // no poll is in flight and every later one reads after the cleanup: nothing below it comes back
                pruneBelow = null;
                applier.forgetBelow(prune);
            }
            long started = System.nanoTime();
            work = changes.since(from, config.followedSource()).invoke(batch -> {
                for (AccessChange change : batch.changes()) {
                    applier.apply(change);
                }
                from = batch.nextFrom();
                Double lag = batch.followedLagSeconds();
                followedAt = lag == null ? null : started - (long) (Math.max(0, lag) * 1e9);
            }).replaceWithVoid();
        }
        return work.invoke(this::recovered).onFailure().invoke(this::failed).subscribeAsCompletionStage();
    }

    private void failed(Throwable e) {
        if (failing.compareAndSet(false, true)) {
            failingSince = System.nanoTime();
            LOG.warnf("access change feed cannot be polled; checks fail closed (503) beyond %s: %s", config.stalenessBound(),
                    e.toString());
        }
    }

    private void recovered() {
        if (failing.compareAndSet(true, false)) {
            LOG.infof("access change feed polled again after %d ms", (System.nanoTime() - failingSince) / 1_000_000);
        }
    }

    private double stalenessSeconds() {
        Long last = polls.lastCompletedStart();
        return last == null ? Double.NaN : (System.nanoTime() - last) / 1e9;
    }
}
