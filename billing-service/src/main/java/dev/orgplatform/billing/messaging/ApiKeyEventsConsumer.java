package dev.orgplatform.billing.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.billing.service.SeatService;
import dev.orgplatform.platform.events.EventHandling;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.events.InboundEvent;
import io.smallrye.mutiny.Uni;

/** A key's API-key seat: committed once the key exists, given back once it is revoked. */
@ApplicationScoped
public class ApiKeyEventsConsumer {


    private final SeatService seats;
    private final ObjectMapper json;
    private final EventHandling handling;

    public ApiKeyEventsConsumer(SeatService seats, ObjectMapper json, EventHandling handling) {
        this.seats = seats;
        this.json = json;
        this.handling = handling;
    }

    @Incoming("apikeys")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record);
        if (!EventTypes.API_KEY_CREATED.equals(event.type()) && !EventTypes.API_KEY_REVOKED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        ApiKeyEvent data = event.data(json, ApiKeyEvent.class);
        event.require(data.organizationId(), "organizationId");
        if (data.reservationId() == null) {
            return Uni.createFrom().voidItem(); // a key made before keys held seats
        }
        return EventTypes.API_KEY_CREATED.equals(event.type())
                ? handling.withRetries(event, () -> seats.recorded(SeatService.API_KEYS_CONSUMER, event, data.organizationId(), data.reservationId()))
                : handling.withRetries(event, () -> seats.ended(SeatService.API_KEYS_CONSUMER, event, data.organizationId(), data.reservationId()));
    }
}
