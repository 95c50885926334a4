package dev.orgplatform.user.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.AuditEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
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
}
