package dev.orgplatform.user.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.platform.events.EventHandling;
import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.user.service.MembershipService;
import io.smallrye.mutiny.Uni;

/** Follows org-service: a new organization gets its Owner and "My Team". */
@ApplicationScoped
public class OrganizationEventsConsumer {

    private final MembershipService memberships;
    private final ObjectMapper json;

    public OrganizationEventsConsumer(MembershipService memberships, ObjectMapper json) {
        this.memberships = memberships;
        this.json = json;
    }

    @Incoming("organizations")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record);
        return switch (event.type()) {
            case "OrganizationCreated" -> {
                OrganizationEvent created = event.data(json, OrganizationEvent.class);
                event.require(created.organizationId(), "organizationId");
                event.require(created.ownerId(), "ownerId");
                yield EventHandling.withRetries(() -> memberships.organizationCreated(event, created));
            }
            default -> Uni.createFrom().voidItem(); // other services' concerns, or handled in later versions
        };
    }
}
