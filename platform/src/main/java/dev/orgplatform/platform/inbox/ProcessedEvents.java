package dev.orgplatform.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.InboundEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * The idempotent-consumer guard: an event's id is recorded in the same transaction as its effect, so a
 * redelivered event finds its id and changes nothing. Call from a {@code @WithTransaction} method.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final PlatformClock clock;

    public ProcessedEvents(PlatformClock clock) {
        this.clock = clock;
    }

    /** Runs {@code effect} unless {@code consumer} already handled this event; emits whether it ran. */
    public Uni<Boolean> once(String consumer, InboundEvent event, Supplier<Uni<?>> effect) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, ?3) "
                        + "on conflict do nothing")
                        .setParameter(1, consumer).setParameter(2, event.id()).setParameter(3, clock.now())
                        .executeUpdate())
                .chain(inserted -> inserted == 0 ? Uni.createFrom().item(false) : effect.get().replaceWith(true));
    }
}
