package dev.orgplatform.platform.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** The bounded wait for a write to be applied elsewhere (pure logic, no HTTP). */
class ReadYourWritesTest {

    @Test
    void waitsUntilTheProbeAnswersTrue() {
        AtomicInteger asked = new AtomicInteger();
        boolean applied = ReadYourWrites.await(() -> Uni.createFrom().item(asked.incrementAndGet() >= 3), Duration.ofSeconds(5))
                .await().atMost(Duration.ofSeconds(10));
        assertTrue(applied);
        assertEquals(3, asked.get());
    }

    @Test
    void aFailingProbeIsNotYetAndTheWaitIsBounded() {
        AtomicInteger asked = new AtomicInteger();
        boolean applied = ReadYourWrites.await(() -> {
            asked.incrementAndGet();
            return Uni.createFrom().<Boolean> failure(new IllegalStateException("down"));
        }, Duration.ofMillis(200)).await().atMost(Duration.ofSeconds(10));
        assertFalse(applied);
        assertTrue(asked.get() > 1, "asked again after a failure");
    }

    @Test
    void aZeroTimeoutDoesNotAsk() {
        assertFalse(ReadYourWrites.await(() -> {
            throw new AssertionError("not asked");
        }, Duration.ZERO).await().indefinitely());
    }
}
