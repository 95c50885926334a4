package dev.orgplatform.user.session.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.session.MemberSuspension;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MemberSuspensionRepository implements PanacheRepositoryBase<MemberSuspension, UUID> {

    public Uni<MemberSuspension> of(UUID organizationId, UUID userId) {
        return find("organizationId = ?1 and userId = ?2", organizationId, userId).firstResult();
    }

    /** The suspensions decided in the organization itself, oldest first. */
    public Uni<List<MemberSuspension>> inOrganization(UUID organizationId) {
        return list("organizationId = ?1 order by suspendedAt, id", organizationId);
    }

    public Uni<Long> deleteOfOrganization(UUID organizationId) {
        return delete("organizationId", organizationId);
    }

    /** Lifts one suspension by query: Hibernate Reactive's entity remove is not safe under concurrent deletes. */
    public Uni<Long> remove(MemberSuspension suspension) {
        return delete("id", suspension.id);
    }
}
