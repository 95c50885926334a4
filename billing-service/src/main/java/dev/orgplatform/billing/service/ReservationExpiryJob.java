package dev.orgplatform.billing.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Gives back the units of reservations that were never committed, once their time ran out (PlatformClock). */
@ApplicationScoped
public class ReservationExpiryJob {

    private static final Logger LOG = Logger.getLogger(ReservationExpiryJob.class);

    private final QuotaService quotas;

    public ReservationExpiryJob(QuotaService quotas) {
        this.quotas = quotas;
    }

    @Scheduled(every = "${billing.reservation.expiry-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("reservation expiry will retry: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Expires everything due now, batch after batch; emits how many expired. */
    public Uni<Integer> run() {
        return quotas.expireDue().chain(n -> n == 0 ? Uni.createFrom().item(0) : run().map(more -> n + more));
    }
}
