package dev.orgplatform.user.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.events.EventEnvelope;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.user.AuditEntry;
import dev.orgplatform.user.repository.AuditEntryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
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
    public Uni<Page<AuditEntry>> query(Filter f, Integer limit, String cursor) {
        int size = Cursor.limit(limit, 50, 500);
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (f.organizationId() != null) {
            where.append(" and organizationId = :org");
            p.and("org", f.organizationId());
        }
        if (f.actorId() != null) {
            where.append(" and actorId = :actor");
            p.and("actor", f.actorId());
        }
        if (f.action() != null) {
            where.append(" and action = :action");
            p.and("action", f.action());
        }
        if (f.from() != null) {
            where.append(" and occurredAt >= :from");
            p.and("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and occurredAt < :to");
            p.and("to", f.to());
        }
        if (cursor != null) {
            List<String> at = Cursor.decode(cursor, 2);
            where.append(" and (occurredAt < :at or (occurredAt = :at and id < :id))");
            p.and("at", Instant.parse(at.get(0))).and("id", Long.parseLong(at.get(1)));
        }
        return entries.find(where + " order by occurredAt desc, id desc", p).range(0, size).list()
                .map(rows -> Page.of(rows, size, e -> Cursor.encode(e.occurredAt.toString(), e.id.toString())));
    }

    /** A purged organization's entries follow it. */
    @WithTransaction
    public Uni<Long> purge(UUID organizationId) {
        return entries.delete("organizationId", organizationId);
    }
}
