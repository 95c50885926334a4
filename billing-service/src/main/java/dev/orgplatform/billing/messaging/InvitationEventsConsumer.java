package dev.orgplatform.billing.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.billing.service.SeatService;
import dev.orgplatform.platform.events.EventHandling;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.events.InboundEvent;
import io.smallrye.mutiny.Uni;

/** An invitation's seat: committed once the invitation exists; accepted, it becomes the member's; revoked or expired, it is freed. */
@ApplicationScoped
public class InvitationEventsConsumer {

    private static final Set<String> FOLLOWED = Set.of(EventTypes.INVITATION_CREATED, EventTypes.INVITATION_ACCEPTED, EventTypes.INVITATION_REVOKED, EventTypes.INVITATION_EXPIRED);

    private final SeatService seats;
    private final ObjectMapper json;
    private final EventHandling handling;

    public InvitationEventsConsumer(SeatService seats, ObjectMapper json, EventHandling handling) {
        this.seats = seats;
        this.json = json;
        this.handling = handling;
    }

    @Incoming("invitations")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record);
        if (!FOLLOWED.contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        InvitationEvent data = event.data(json, InvitationEvent.class);
        event.require(data.organizationId(), "organizationId");
        if (data.reservationId() == null) {
            event.require(data.invitationId(), "invitationId or reservationId");
        }
        if (EventTypes.INVITATION_CREATED.equals(event.type())) {
            return data.reservationId() == null ? Uni.createFrom().voidItem()
                    : handling.withRetries(event, () -> seats.recorded(SeatService.INVITATIONS_CONSUMER, event, data.organizationId(),
                            data.reservationId()));
        }
        if (EventTypes.INVITATION_ACCEPTED.equals(event.type())) {
            event.require(data.userId(), "userId");
            return handling.withRetries(event, () -> seats.invitationAccepted(event, data));
        }
        return handling.withRetries(event, () -> seats.invitationClosed(event, data));
    }
}
