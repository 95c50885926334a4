package dev.orgplatform.user.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FreshnessTest {

    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final long MS = 1_000_000;

    @Test
    void theViewIsCurrentOnlyWithinTheBoundOfTheStartOfTheLastCompletedPoll() {
        long now = 5_000 * MS;
        assertFalse(Freshness.isCurrent(null, now, BOUND), "never polled: never current");
        assertTrue(Freshness.isCurrent(now - 999 * MS, now, BOUND));
        assertTrue(Freshness.isCurrent(now - 1_000 * MS, now, BOUND));
        assertFalse(Freshness.isCurrent(now - 1_001 * MS, now, BOUND));
        assertTrue(Freshness.isCurrent(Long.MAX_VALUE - 10, Long.MIN_VALUE + 10, BOUND), "nanoTime may wrap");
    }

    @Test
    void theCopyOfAnotherServicesFactsIsCurrentOnlyWhileItsWatermarksAreRecent() {
        long now = 5_000 * MS;
        assertFalse(Freshness.followedCurrent(null, now, BOUND), "no watermark ever: it cannot tell what it missed");
        assertTrue(Freshness.followedCurrent(now - 1_000 * MS, now, BOUND));
        assertFalse(Freshness.followedCurrent(now - 1_001 * MS, now, BOUND), "Kafka or the relay away: fail closed");
    }

    @Test
    void onlyAPollThatStartedAfterTheRequestCoversIt() {
        assertTrue(Freshness.covers(101, 100));
        assertFalse(Freshness.covers(100, 100), "the same instant: the poll may have read before the request's commit");
        assertFalse(Freshness.covers(99, 100));
    }
}
