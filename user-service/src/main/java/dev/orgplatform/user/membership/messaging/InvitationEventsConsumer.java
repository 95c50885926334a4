package dev.orgplatform.user.membership.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.platform.events.EventHandling;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.events.MalformedEventException;
import dev.orgplatform.platform.security.OwnerByTransferOnly;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.membership.service.InvitationAcceptanceService;
import io.smallrye.mutiny.Uni;

/** Follows invitation-service: an accepted invitation becomes a membership. */
@ApplicationScoped
public class InvitationEventsConsumer {

    private final InvitationAcceptanceService acceptances;
    private final ObjectMapper json;
    private final EventHandling handling;

    public InvitationEventsConsumer(InvitationAcceptanceService acceptances, ObjectMapper json, EventHandling handling) {
        this.acceptances = acceptances;
        this.json = json;
        this.handling = handling;
    }

    @Incoming("invitations")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record);
        if (!EventTypes.INVITATION_ACCEPTED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        InvitationAccepted accepted = event.data(json, InvitationAccepted.class);
        event.require(accepted.organizationId(), "organizationId");
        event.require(accepted.userId(), "userId");
        Role role = role(event, event.require(accepted.role(), "role"));
        return handling.withRetries(event, () -> acceptances.accepted(event, accepted, role));
    }

    /** An invitation never makes an Owner: an event naming OWNER (or no known role) is dead-lettered, never applied. */
    private static Role role(InboundEvent event, String name) {
        Role role = Role.named(name);
        if (role == null || !OwnerByTransferOnly.givable(role)) {
            throw new MalformedEventException("event " + event.id() + " names a role no invitation gives: " + name);
        }
        return role;
    }
}
