package dev.orgplatform.billing.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.billing.service.SeatService;
import dev.orgplatform.platform.events.EventHandling;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.events.InboundEvent;
import io.smallrye.mutiny.Uni;

/** A member who joined through SSO holds a user seat: it is committed once the membership exists. */
@ApplicationScoped
public class SsoEventsConsumer {


    /** The fields of user-service's MemberJoinedThroughSso that commit the member's seat. */
    record MemberJoined(UUID organizationId, UUID userId, UUID reservationId) {
    }

    private final SeatService seats;
    private final ObjectMapper json;
    private final EventHandling handling;

    public SsoEventsConsumer(SeatService seats, ObjectMapper json, EventHandling handling) {
        this.seats = seats;
        this.json = json;
        this.handling = handling;
    }

    @Incoming("sso")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record);
        if (!EventTypes.MEMBER_JOINED_THROUGH_SSO.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        MemberJoined data = event.data(json, MemberJoined.class);
        event.require(data.organizationId(), "organizationId");
        event.require(data.reservationId(), "reservationId");
        return handling.withRetries(event, () -> seats.recorded(SeatService.SSO_CONSUMER, event, data.organizationId(), data.reservationId()));
    }
}
