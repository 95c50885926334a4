package dev.orgplatform.user.audit.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.audit.AuditEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    /** Appends unless the event is recorded already; emits whether it was new. */
    public Uni<Boolean> append(AuditEntry e) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into audit_entry (event_id, occurred_at, action, actor_id, organization_id, target, source, source_address, data)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (event_id) do nothing""")
                .setParameter(1, e.eventId).setParameter(2, e.occurredAt).setParameter(3, e.action).setParameter(4, e.actorId)
                .setParameter(5, e.organizationId).setParameter(6, e.target).setParameter(7, e.source)
                .setParameter(8, e.sourceAddress).setParameter(9, e.data)
                .executeUpdate()).map(n -> n == 1);
    }

    /**
     * Up to {@code rows} entries newest first (occurred-at, then id, both descending) before the position
     * ({@code beforeAt}, {@code beforeId}) when it is set, filtered by organization, actor, action and time
     * ({@code from} inclusive, {@code to} exclusive); null filters nothing.
     */
    public Uni<List<AuditEntry>> page(UUID organizationId, String actorId, String action, Instant from, Instant to,
            Instant beforeAt, Long beforeId, int rows) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (organizationId != null) {
            where.append(" and organizationId = :org");
            p.and("org", organizationId);
        }
        if (actorId != null) {
            where.append(" and actorId = :actor");
            p.and("actor", actorId);
        }
        if (action != null) {
            where.append(" and action = :action");
            p.and("action", action);
        }
        if (from != null) {
            where.append(" and occurredAt >= :from");
            p.and("from", from);
        }
        if (to != null) {
            where.append(" and occurredAt < :to");
            p.and("to", to);
        }
        if (beforeAt != null) {
            where.append(" and (occurredAt < :at or (occurredAt = :at and id < :id))");
            p.and("at", beforeAt).and("id", beforeId);
        }
        return find(where + " order by occurredAt desc, id desc", p).range(0, rows - 1).list();
    }

    public Uni<Long> deleteOfOrganization(UUID organizationId) {
        return delete("organizationId", organizationId);
    }
}
