package dev.orgplatform.user.membership.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.platform.events.EventHandling;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.events.Watermark;
import dev.orgplatform.user.access.service.AccessChangeFeed;
import dev.orgplatform.user.membership.service.OrganizationFollowingService;
import io.smallrye.mutiny.Uni;

/** Follows org-service: the tree, ownership, lifecycle and the 2FA setting. */
@ApplicationScoped
public class OrganizationEventsConsumer {

    private final OrganizationFollowingService organizations;
    private final AccessChangeFeed feed;
    private final ObjectMapper json;
    private final EventHandling handling;

    public OrganizationEventsConsumer(OrganizationFollowingService organizations, AccessChangeFeed feed, ObjectMapper json, EventHandling handling) {
        this.organizations = organizations;
        this.feed = feed;
        this.json = json;
        this.handling = handling;
    }

    @Incoming("organizations")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record);
        return switch (event.type()) {
            case Watermark.TYPE -> handling.withRetries(event, () -> feed.watermarkSeen(event.source(), record.partition(),
                    event.require(event.time(), "ce_time")));
            case EventTypes.ORGANIZATION_CREATED -> {
                OrganizationEvent e = data(event);
                if (e.parentId() == null) {
                    event.require(e.ownerId(), "ownerId"); // only a root has an Owner
                }
                yield handling.withRetries(event, () -> organizations.created(event, e));
            }
            case EventTypes.ORGANIZATION_UPDATED -> {
                OrganizationEvent e = data(event);
                OrganizationEvent.Change renamed = e.changes() == null ? null : e.changes().get("displayName");
                yield renamed == null || renamed.after() == null ? Uni.createFrom().voidItem()
                        : handling.withRetries(event, () -> organizations.renamed(event, e.organizationId(), renamed.after().toString()));
            }
            case EventTypes.ORGANIZATION_MOVED -> {
                OrganizationEvent e = data(event);
                event.require(e.newParentId(), "newParentId");
                yield handling.withRetries(event, () -> organizations.moved(event, e));
            }
            case EventTypes.ORGANIZATION_DELETION_SCHEDULED -> {
                OrganizationEvent e = data(event);
                yield handling.withRetries(event, () -> organizations.availability(event, e.organizationId(), false));
            }
            case EventTypes.ORGANIZATION_RESTORED -> {
                OrganizationEvent e = data(event);
                yield handling.withRetries(event, () -> organizations.availability(event, e.organizationId(), true));
            }
            case EventTypes.ORGANIZATION_PURGED -> {
                OrganizationEvent e = data(event);
                yield handling.withRetries(event, () -> organizations.purged(event, e.organizationId()));
            }
            case EventTypes.OWNERSHIP_TRANSFERRED -> {
                OrganizationEvent e = data(event);
                event.require(e.previousOwnerId(), "previousOwnerId");
                event.require(e.newOwnerId(), "newOwnerId");
                yield handling.withRetries(event, () -> organizations.ownershipTransferred(event, e));
            }
            case EventTypes.ORGANIZATION_SETTINGS_CHANGED -> {
                OrganizationEvent e = data(event);
                OrganizationEvent.Security security = e.security() == null ? new OrganizationEvent.Security(false, List.of(), null)
                        : e.security();
                boolean enforce = Boolean.TRUE.equals(security.enforce2fa());
                List<String> allowlist = security.ipAllowlist() == null ? List.of() : security.ipAllowlist();
                yield handling.withRetries(event, () -> organizations.settingsChanged(event, e.organizationId(), enforce, allowlist,
                        security.maxSessionMinutes()));
            }
            default -> Uni.createFrom().voidItem(); // other services' concerns
        };
    }

    private OrganizationEvent data(InboundEvent event) {
        OrganizationEvent e = event.data(json, OrganizationEvent.class);
        event.require(e.organizationId(), "organizationId");
        return e;
    }
}
