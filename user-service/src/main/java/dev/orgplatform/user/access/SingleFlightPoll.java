package dev.orgplatform.user.access;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs at most one poll at a time and lets callers share it. A caller waits for a poll that started after it
 * arrived ({@link Freshness#covers}): the one in flight if it did, else the next one, which starts as soon as the
 * one in flight ends; every caller waiting meanwhile shares that next poll. So a burst of denials costs one poll,
 * and nobody accepts a poll that may have missed what was committed before they asked.
 */
public final class SingleFlightPoll {

    private record Run(long startedAt, CompletableFuture<Void> done) {
    }

    private final Supplier<CompletionStage<?>> poll;
    private final LongSupplier clock;
    private Run inFlight;
    private CompletableFuture<Void> next;
    private volatile Long lastCompletedStart;

    public SingleFlightPoll(Supplier<CompletionStage<?>> poll, LongSupplier clock) {
        this.poll = poll;
        this.clock = clock;
    }

    /** Completes once a poll that started after {@code arrivedAt} succeeded; fails with that poll's failure. */
    public CompletableFuture<Void> after(long arrivedAt) {
        CompletableFuture<Void> wait;
        Run toStart = null;
        synchronized (this) {
            Long last = lastCompletedStart;
            if (last != null && Freshness.covers(last, arrivedAt)) {
                return CompletableFuture.completedFuture(null);
            }
            if (inFlight != null && Freshness.covers(inFlight.startedAt(), arrivedAt)) {
                return inFlight.done().copy();
            }
            if (next == null) {
                next = new CompletableFuture<>();
            }
            wait = next;
            if (inFlight == null) {
                toStart = begin();
            }
        }
        if (toStart != null) {
            run(toStart);
        }
        return wait.copy();
    }

    /** Starts a poll unless one is in flight (the periodic tick). */
    public void tick() {
        Run toStart;
        synchronized (this) {
            if (inFlight != null) {
                return;
            }
            toStart = begin();
        }
        run(toStart);
    }

    /** When the last successful poll started, null before the first. */
    public Long lastCompletedStart() {
        return lastCompletedStart;
    }

    /** Under the lock: the next poll starts now, for whoever waits for it. */
    private Run begin() {
        CompletableFuture<Void> done = next != null ? next : new CompletableFuture<>();
        next = null;
        inFlight = new Run(clock.getAsLong(), done);
        return inFlight;
    }

    private void run(Run run) {
        CompletionStage<?> result;
        try {
            result = poll.get();
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((ignored, failure) -> finish(run, failure));
    }

    private void finish(Run run, Throwable failure) {
        Run toStart = null;
        synchronized (this) {
            inFlight = null;
            Long last = lastCompletedStart;
            if (failure == null && (last == null || run.startedAt() - last > 0)) {
                lastCompletedStart = run.startedAt();
            }
            if (next != null) {
                toStart = begin();
            }
        }
        if (failure == null) {
            run.done().complete(null);
        } else {
            run.done().completeExceptionally(failure);
        }
        if (toStart != null) {
            run(toStart);
        }
    }
}
