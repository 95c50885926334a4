package dev.orgplatform.platform.outbox;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventOrigin;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records an event in the caller's transaction. Call it from a {@code @WithTransaction} service method:
 * the event is committed with the change or not at all, and {@link OutboxRelay} publishes it afterwards. A
 * transaction that publishes for a key holds that key until it ends, so a key's events are numbered in commit order.
 */
@ApplicationScoped
public class Outbox {

    /** The advisory-lock namespace of outbox keys (two-int form, apart from the relay's single-key lock). */
    private static final int KEY_LOCK_SPACE = 0x6f62;

    private final ObjectMapper json;
    private final PlatformClock clock;
    private final EventOrigin origin;
    private final String source;

    public Outbox(ObjectMapper json, PlatformClock clock, EventOrigin origin,
            @ConfigProperty(name = "quarkus.application.name") String source) {
        this.json = json;
        this.clock = clock;
        this.origin = origin;
        this.source = "/" + source;
    }

    /** One event in each organization a change touches (each keyed by it, so each one's stream and audit log shows it). */
    public Uni<Void> publishToEach(String topic, String type, List<UUID> organizationIds, String subject, Function<UUID, Object> data) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (UUID org : organizationIds) {
            all = all.call(() -> publish(topic, type, org, subject, data.apply(org)));
        }
        return all;
    }

    public Uni<Void> publish(String topic, String type, UUID organizationId, String subject, Object data) {
        OutboxMessage m = new OutboxMessage();
        m.eventId = UUID.randomUUID().toString();
        m.topic = topic;
        m.type = type;
        m.source = source;
        m.subject = subject;
        m.organizationId = organizationId;
        m.occurredAt = clock.now();
        m.actor = origin.actor();
        m.sourceAddress = origin.address();
        try {
            m.data = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event data of " + type + " is not serializable", e));
        }
        // writers of one key queue here until the earlier one commits: row ids then follow commit order per key. Run
        // for its row count: Hibernate Reactive finds no native select in its plan cache and fills the cache with them
        return Panache.getSession().chain(s -> s.createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, KEY_LOCK_SPACE).setParameter(2, organizationId.toString()).executeUpdate()
                .chain(() -> s.persist(m)));
    }
}
