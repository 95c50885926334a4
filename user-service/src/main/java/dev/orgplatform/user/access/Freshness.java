package dev.orgplatform.user.access;

import java.time.Duration;

/**
 * When the access view may answer. Times are {@link System#nanoTime()} readings. The view is current while a poll of
 * the change feed that started at most the staleness bound ago has completed; a poll reflects everything committed
 * before a request only if it started after the request arrived.
 */
public final class Freshness {

    private Freshness() {
    }

    /** {@code lastPollStart}: when the last completed poll started, null before the first. */
    public static boolean isCurrent(Long lastPollStart, long now, Duration bound) {
        return lastPollStart != null && now - lastPollStart <= bound.toNanos();
    }

    /**
     * Whether the copy of another service's facts is current: {@code watermarkAt}, when the newest watermark of every
     * partition was produced (null before the first), lies at most {@code bound} before {@code now}.
     */
    public static boolean followedCurrent(Long watermarkAt, long now, Duration bound) {
        return watermarkAt != null && now - watermarkAt <= bound.toNanos();
    }

    /** Whether a poll that started at {@code pollStart} saw everything committed before {@code arrival}. */
    public static boolean covers(long pollStart, long arrival) {
        return pollStart - arrival > 0;
    }
}
