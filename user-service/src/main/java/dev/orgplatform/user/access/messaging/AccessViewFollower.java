package dev.orgplatform.user.access.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.service.AccessView;
import dev.orgplatform.user.access.service.AccessViewLoader;
import dev.orgplatform.user.membership.messaging.MembershipEvents;
import dev.orgplatform.user.membership.messaging.OrganizationEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Keeps this instance's {@link AccessView} in step with changes committed by any instance: every instance reads the
 * memberships and organizations topics in a consumer group of its own (a broadcast), so a role change, removal or
 * suspension made anywhere is enforced here within the relay's and Kafka's delay. Every update is an idempotent
 * set, so the instance that made the change (and updated its view after commit) applies it again harmlessly.
 */
@ApplicationScoped
@Identifier("access-view-rebalance")
public class AccessViewFollower implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(AccessViewFollower.class);
    /** How far before the view's load to start reading: covers changes committed while it loaded. */
    private static final Duration OVERLAP = Duration.ofSeconds(30);

    private final AccessView view;
    private final AccessViewLoader loader;
    private final ObjectMapper json;

    public AccessViewFollower(AccessView view, AccessViewLoader loader, ObjectMapper json) {
        this.view = view;
        this.loader = loader;
        this.json = json;
    }

    @Incoming("access-view")
    public void follow(ConsumerRecord<String, String> record) {
        try {
            apply(InboundEvent.of(record));
        } catch (RuntimeException e) {
            // the view is rebuilt from the database at start; one unreadable event must not stop following the rest
            LOG.warnf("access view skipped record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.toString());
        }
    }

    private void apply(InboundEvent event) {
        switch (event.type()) {
            case "MembershipGranted", "MembershipRoleChanged" -> {
                Membership m = event.data(json, Membership.class);
                view.follow(AccessView.memberKey(m.organizationId(), m.userId()), event.time(),
                        () -> view.putRole(m.organizationId(), m.userId(), Role.named(m.role())));
            }
            case "MembershipRevoked" -> {
                Membership m = event.data(json, Membership.class);
                view.follow(AccessView.memberKey(m.organizationId(), m.userId()), event.time(),
                        () -> view.removeRole(m.organizationId(), m.userId()));
            }
            case "UserSuspended", "UserReactivated" -> {
                Membership m = event.data(json, Membership.class);
                view.follow(AccessView.userKey(m.userId()), event.time(),
                        () -> view.setSuspended(m.userId(), "UserSuspended".equals(event.type())));
            }
            case "ProductPermissionsChanged" -> {
                var p = event.data(json, MembershipEvents.ProductPermissionsChanged.class);
                view.follow(AccessView.productKey(p.organizationId(), p.userId(), p.productId()), event.time(),
                        () -> view.setProductPermissions(p.organizationId(), p.userId(), p.productId(),
                                p.permissions() == null ? Set.of() : Set.copyOf(p.permissions())));
            }
            case "OrganizationCreated" -> {
                OrganizationEvent o = event.data(json, OrganizationEvent.class);
                view.putOrganization(o.organizationId(), o.parentId(), true);
            }
            case "OrganizationMoved" -> {
                OrganizationEvent o = event.data(json, OrganizationEvent.class);
                view.moveOrganization(o.organizationId(), o.newParentId());
            }
            case "OrganizationDeletionScheduled" -> view.setAvailable(event.data(json, OrganizationEvent.class).organizationId(), false);
            case "OrganizationRestored" -> view.setAvailable(event.data(json, OrganizationEvent.class).organizationId(), true);
            case "OrganizationPurged" -> view.removeOrganization(event.data(json, OrganizationEvent.class).organizationId());
            case "OrganizationSettingsChanged" -> {
                OrganizationEvent o = event.data(json, OrganizationEvent.class);
                view.setEnforce2fa(o.organizationId(), o.security() != null && Boolean.TRUE.equals(o.security().enforce2fa()));
            }
            default -> {
                // teams, profiles and other services' events do not change what the check answers
            }
        }
    }

    /** Starts each partition shortly before the view was loaded from the database, so nothing falls in between. */
    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        long from = loader.loadedFrom().minus(OVERLAP).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, from));
        var offsets = consumer.offsetsForTimes(times);
        List<TopicPartition> atEnd = new ArrayList<>();
        offsets.forEach((p, o) -> {
            if (o == null) {
                atEnd.add(p);
            } else {
                consumer.seek(p, o.offset());
            }
        });
        if (!atEnd.isEmpty()) {
            consumer.seekToEnd(atEnd);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Membership(UUID organizationId, UUID userId, String role) {
    }
}
