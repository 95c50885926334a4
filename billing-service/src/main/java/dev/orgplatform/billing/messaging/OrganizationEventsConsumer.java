package dev.orgplatform.billing.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.billing.service.BillingAccountService;
import dev.orgplatform.platform.events.EventHandling;
import dev.orgplatform.platform.events.InboundEvent;
import io.smallrye.mutiny.Uni;

/** Follows org-service: accounts open with organizations and follow their deletion, restoration and purge. */
@ApplicationScoped
public class OrganizationEventsConsumer {

    private final BillingAccountService accounts;
    private final ObjectMapper json;
    private final EventHandling handling;

    public OrganizationEventsConsumer(BillingAccountService accounts, ObjectMapper json, EventHandling handling) {
        this.accounts = accounts;
        this.json = json;
        this.handling = handling;
    }

    @Incoming("organizations")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record);
        String type = event.type();
        if (!BillingAccountService.FOLLOWED_ORGANIZATION_EVENTS.contains(type)) {
            return Uni.createFrom().voidItem(); // not ours to follow
        }
        OrganizationEvent data = event.data(json, OrganizationEvent.class);
        event.require(data.organizationId(), "organizationId");
        if (data.parentId() != null) {
            event.require(data.rootId(), "rootId"); // a sub-organization is billed to its root
        }
        return handling.withRetries(event, () -> accounts.follow(event, data));
    }
}
