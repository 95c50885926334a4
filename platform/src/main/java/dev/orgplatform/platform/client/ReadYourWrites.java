package dev.orgplatform.platform.client;

import java.time.Duration;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * A write is usable by its author at once: after the commit, the writing call waits (bounded) until the services
 * that learn of it through Kafka have applied it, so the author's next request on any service already sees it.
 * Other readers stay eventually consistent.
 */
public final class ReadYourWrites {

    private static final Duration STEP = Duration.ofMillis(20);

    private ReadYourWrites() {
    }

    /**
     * Completes once {@code applied} answers true, or when {@code timeout} has passed (the write is committed either
     * way; the caller then answers as usual). A failing probe counts as "not yet".
     */
    public static Uni<Boolean> await(Supplier<Uni<Boolean>> applied, Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            return Uni.createFrom().item(false);
        }
        return poll(applied, System.nanoTime() + timeout.toNanos());
    }

    private static Uni<Boolean> poll(Supplier<Uni<Boolean>> applied, long deadline) {
        return Uni.createFrom().<Boolean> deferred(applied::get).onFailure().recoverWithItem(false).chain(done -> {
            if (done) {
                return Uni.createFrom().item(true);
            }
            if (System.nanoTime() - deadline > 0) {
                return Uni.createFrom().item(false);
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(STEP).chain(() -> poll(applied, deadline));
        });
    }
}
