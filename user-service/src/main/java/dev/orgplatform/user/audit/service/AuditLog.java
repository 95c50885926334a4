package dev.orgplatform.user.audit.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.events.EventEnvelope;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.user.audit.AuditEntry;
import dev.orgplatform.user.audit.repository.AuditEntryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The append-only audit log, fed by every service's events and by Keycloak's login events. */
@ApplicationScoped
public class AuditLog {

    /** What a query may filter on; null fields filter nothing. */
    public record Filter(UUID organizationId, String actorId, String action, Instant from, Instant to) {
    }

    private final AuditEntryRepository entries;

    public AuditLog(AuditEntryRepository entries) {
        this.entries = entries;
    }

    /** Records one event once, however often it is delivered. */
    @WithTransaction
    public Uni<Boolean> record(EventEnvelope e) {
        AuditEntry entry = new AuditEntry();
        entry.eventId = e.id();
        entry.occurredAt = e.time() != null ? e.time() : Instant.now();
        entry.action = e.type();
        entry.actorId = e.actor();
        entry.organizationId = e.organizationId();
        entry.target = e.subject();
        entry.source = e.source() == null ? "unknown" : e.source();
        entry.sourceAddress = e.sourceAddress();
        entry.data = e.data() == null ? "{}" : e.data();
        return entries.append(entry);
    }

    @WithTransaction
    public Uni<Boolean> record(AuditEntry entry) {
        return entries.append(entry);
    }

    /** Newest first, keyset-paginated on (occurredAt, id). */
    @WithSession
    public Uni<Page<AuditEntry>> query(Filter f, int limit, String cursor) {
        Cursor.TimeAndId before = Cursor.decodeTimeAndId(cursor);
        return entries.page(f.organizationId(), f.actorId(), f.action(), f.from(), f.to(), before == null ? null : before.at(),
                before == null ? null : sequence(before.id()), limit + 1)
                .map(rows -> Page.of(rows, limit, e -> Cursor.encode(e.occurredAt, position(e.id))));
    }

    /** A purged organization's entries follow it. */
    @WithTransaction
    public Uni<Long> purge(UUID organizationId) {
        return entries.deleteOfOrganization(organizationId);
    }

    /** The cursor codec keeps a time and a UUID; an entry's id is a sequence number, carried in the UUID's low bits. */
    private static UUID position(long id) {
        return new UUID(0, id);
    }

    private static long sequence(UUID position) {
        return position.getLeastSignificantBits();
    }
}
