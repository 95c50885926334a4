package dev.orgplatform.invitation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Counting windows every replica agrees on (pure: no stack). */
class FixedWindowTest {

    @Test
    void aWindowStartsAtAMultipleOfItsLengthAndRetryAfterIsWhatIsLeftOfIt() {
        Duration minute = Duration.ofMinutes(1);
        assertEquals(Instant.parse("2026-12-06T22:41:00Z"), FixedWindow.start(Instant.parse("2026-12-06T22:41:59.999Z"), minute));
        assertEquals(Instant.parse("2026-12-06T22:42:00Z"), FixedWindow.start(Instant.parse("2026-12-06T22:42:00Z"), minute));
        assertEquals(Instant.parse("2026-12-06T22:00:00Z"), FixedWindow.start(Instant.parse("2026-12-06T22:41:07Z"), Duration.ofHours(1)));
        assertEquals(53, FixedWindow.secondsLeft(Instant.parse("2026-12-06T22:41:07Z"), minute));
        assertEquals(1, FixedWindow.secondsLeft(Instant.parse("2026-12-06T22:41:59.999Z"), minute), "never 0");
    }
}
