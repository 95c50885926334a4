package dev.orgplatform.platform.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/** billing-service opens an account from the creation event: a reservation made right after a creation waits for it. */
class QuotasTest {

    private static final UUID ORG = UUID.randomUUID();

    @Test
    void aReservationForAnOrganizationBillingHasNotRecordedYetIsTriedAgainUntilItHas() {
        BillingThatCatchesUp billing = new BillingThatCatchesUp(3);
        UUID reservation = new Quotas(billing, Duration.ofSeconds(1), Duration.ofSeconds(5))
                .reserve(ORG, "subOrganizations", "k").await().atMost(Duration.ofSeconds(10));
        assertEquals(billing.granted, reservation);
        assertEquals(4, billing.calls.get(), "three refusals, then the reservation");
    }

    @Test
    void anOrganizationBillingNeverRecordsIsA503NamingItOnceTheCatchUpTimeIsOver() {
        BillingThatCatchesUp billing = new BillingThatCatchesUp(Integer.MAX_VALUE);
        ProblemException refused = assertThrows(ProblemException.class, () -> new Quotas(billing, Duration.ofSeconds(1),
                Duration.ofMillis(400)).reserve(ORG, "subOrganizations", "k").await().atMost(Duration.ofSeconds(10)));
        assertEquals(503, refused.status());
        assertEquals("Not recorded yet", refused.title());
        assertEquals(true, refused.getMessage().contains(ORG.toString()), refused.getMessage());
        assertEquals(true, billing.calls.get() > 1, "tried again before giving up");
    }

    @Test
    void aFullLimitIsRefusedAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        QuotaApi full = new Refusing(calls, 409);
        ProblemException refused = assertThrows(ProblemException.class, () -> new Quotas(full, Duration.ofSeconds(1),
                Duration.ofSeconds(5)).reserve(ORG, "members", "k").await().atMost(Duration.ofSeconds(10)));
        assertEquals(409, refused.status());
        assertEquals(1, calls.get());
    }

    /** Answers 404 {@code refusals} times, then grants. */
    private static final class BillingThatCatchesUp extends Refusing {
        final UUID granted = UUID.randomUUID();
        private final int refusals;

        BillingThatCatchesUp(int refusals) {
            super(new AtomicInteger(), 404);
            this.refusals = refusals;
        }

        @Override
        public Uni<Reservation> reserve(UUID organizationId, ReserveRequest request) {
            return calls.get() < refusals ? super.reserve(organizationId, request)
                    : Uni.createFrom().item(() -> new Reservation(granted, "HELD")).invoke(calls::incrementAndGet);
        }
    }

    private static class Refusing implements QuotaApi {
        final AtomicInteger calls;
        private final int status;

        Refusing(AtomicInteger calls, int status) {
            this.calls = calls;
            this.status = status;
        }

        @Override
        public Uni<Reservation> reserve(UUID organizationId, ReserveRequest request) {
            return Uni.createFrom().failure(() -> {
                calls.incrementAndGet();
                return new WebApplicationException(Response.status(status).build());
            });
        }

        @Override
        public Uni<Reservation> release(UUID organizationId, UUID reservationId) {
            throw new UnsupportedOperationException();
        }
    }
}
