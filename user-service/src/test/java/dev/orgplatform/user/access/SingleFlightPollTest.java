package dev.orgplatform.user.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Polls are futures completed by hand; the clock moves only when the test says. */
class SingleFlightPollTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final List<CompletableFuture<Void>> polls = new ArrayList<>();
    private final SingleFlightPoll poll = new SingleFlightPoll(this::startPoll, clock::get);

    private CompletionStage<?> startPoll() {
        CompletableFuture<Void> p = new CompletableFuture<>();
        polls.add(p);
        return p;
    }

    @Test
    void callersArrivingTogetherShareOnePoll() {
        long arrived = clock.getAndIncrement();
        CompletableFuture<Void> a = poll.after(arrived);
        CompletableFuture<Void> b = poll.after(arrived);
        assertEquals(1, polls.size());
        polls.get(0).complete(null);
        assertTrue(a.isDone() && b.isDone());
        assertEquals(1_001L, poll.lastCompletedStart());
    }

    @Test
    void aCallerArrivingDuringAPollWaitsForTheNextOneWhichTheLaterCallersShare() {
        poll.tick(); // started at 1000
        clock.set(1_005);
        CompletableFuture<Void> late = poll.after(1_005);
        CompletableFuture<Void> later = poll.after(1_006);
        assertEquals(1, polls.size(), "the next poll waits for the one in flight");
        clock.set(1_010);
        polls.get(0).complete(null);
        assertFalse(late.isDone(), "the poll in flight started before the caller came");
        assertEquals(2, polls.size(), "the next poll starts as the first ends");
        polls.get(1).complete(null);
        assertTrue(late.isDone() && later.isDone());
        assertEquals(2, polls.size(), "both shared it");
    }

    @Test
    void aCallerAfterACompletedPollThatStartedLaterNeedsNoPoll() {
        clock.set(2_000);
        poll.tick();
        polls.get(0).complete(null);
        assertTrue(poll.after(1_999).isDone());
        assertEquals(1, polls.size());
        assertFalse(poll.after(2_000).isDone(), "started at the same instant: not after");
    }

    @Test
    void aFailedPollFailsItsWaitersAndLeavesTheViewAsStaleAsItWas() {
        CompletableFuture<Void> waiter = poll.after(clock.getAndIncrement());
        polls.get(0).completeExceptionally(new IllegalStateException("database down"));
        assertTrue(waiter.isCompletedExceptionally());
        assertNull(poll.lastCompletedStart());
        CompletableFuture<Void> again = poll.after(clock.getAndIncrement());
        assertEquals(2, polls.size(), "asking again polls again");
        polls.get(1).complete(null);
        assertTrue(again.isDone() && !again.isCompletedExceptionally());
    }
}
