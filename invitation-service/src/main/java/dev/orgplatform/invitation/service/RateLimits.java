package dev.orgplatform.invitation.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.invitation.repository.RateWindowRepository;
import dev.orgplatform.platform.clock.PlatformClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Limits on attempts that hold across replicas: counted in PostgreSQL per key in fixed windows ({@link FixedWindow}).
 * A refusal is a {@link TooManyAttemptsException} (429 with Retry-After until the window ends).
 */
@ApplicationScoped
public class RateLimits {

    private final RateWindowRepository windows;
    private final PlatformClock clock;

    public RateLimits(RateWindowRepository windows, PlatformClock clock) {
        this.windows = windows;
        this.clock = clock;
    }

    /** Refuses while {@code key} has {@code limit} attempts counted in the current window. */
    @WithSession
    public Uni<Void> requireUnder(String key, int limit, Duration window, String what) {
        Instant now = clock.now();
        return windows.hits(key, FixedWindow.start(now, window)).invoke(hits -> {
            if (hits >= limit) {
                throw new TooManyAttemptsException(what, FixedWindow.secondsLeft(now, window));
            }
        }).replaceWithVoid();
    }

    /** Counts one attempt of {@code key}. */
    @WithTransaction
    public Uni<Void> count(String key, Duration window) {
        return windows.add(key, FixedWindow.start(clock.now(), window)).replaceWithVoid();
    }

    /** Counts one attempt and refuses it when it is over {@code limit} in the window. */
    @WithTransaction
    public Uni<Void> take(String key, int limit, Duration window, String what) {
        Instant now = clock.now();
        return windows.add(key, FixedWindow.start(now, window)).invoke(hits -> {
            if (hits > limit) {
                throw new TooManyAttemptsException(what, FixedWindow.secondsLeft(now, window));
            }
        }).replaceWithVoid();
    }

    /** Windows that ended more than a day ago are of no use to anyone. */
    @WithTransaction
    public Uni<Integer> forgetBefore(Instant before) {
        return windows.deleteBefore(before);
    }
}
