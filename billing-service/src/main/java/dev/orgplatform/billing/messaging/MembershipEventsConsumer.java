package dev.orgplatform.billing.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.billing.service.SeatService;
import dev.orgplatform.platform.events.EventHandling;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.events.MemberTransfer;
import io.smallrye.mutiny.Uni;

/** A member removed from an organization gives their seat back; one moved within the tree takes it along. */
@ApplicationScoped
public class MembershipEventsConsumer {

    private final SeatService seats;
    private final ObjectMapper json;
    private final EventHandling handling;

    public MembershipEventsConsumer(SeatService seats, ObjectMapper json, EventHandling handling) {
        this.seats = seats;
        this.json = json;
        this.handling = handling;
    }

    @Incoming("memberships")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record);
        if (MemberTransfer.IN.equals(event.type())) {
            MemberTransfer moved = event.data(json, MemberTransfer.class);
            event.require(moved.fromOrganizationId(), "fromOrganizationId");
            event.require(moved.toOrganizationId(), "toOrganizationId");
            event.require(moved.userId(), "userId");
            return handling.withRetries(event, () -> seats.memberTransferred(event, moved));
        }
        if (!EventTypes.MEMBERSHIP_REVOKED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        MembershipEvent data = event.data(json, MembershipEvent.class);
        event.require(data.organizationId(), "organizationId");
        event.require(data.userId(), "userId");
        return handling.withRetries(event, () -> seats.membershipRevoked(event, data));
    }
}
