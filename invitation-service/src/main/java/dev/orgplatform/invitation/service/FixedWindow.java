package dev.orgplatform.invitation.service;

import java.time.Duration;
import java.time.Instant;

/**
 * Which counting window an instant falls in: windows of one length start at multiples of it since the epoch, so every
 * replica puts an attempt in the same window whatever its own start time; and how long until the window ends.
 */
public final class FixedWindow {

    private FixedWindow() {
    }

    public static Instant start(Instant now, Duration window) {
        long length = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
    }

    /** Whole seconds until the window ends (at least 1): what Retry-After says. */
    public static long secondsLeft(Instant now, Duration window) {
        long left = start(now, window).plus(window).toEpochMilli() - now.toEpochMilli();
        return Math.max(1, (left + 999) / 1000);
    }
}
