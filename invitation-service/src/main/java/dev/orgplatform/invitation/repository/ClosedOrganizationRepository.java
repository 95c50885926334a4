package dev.orgplatform.invitation.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.invitation.ClosedOrganization;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ClosedOrganizationRepository implements PanacheRepositoryBase<ClosedOrganization, UUID> {

    public Uni<Boolean> isClosed(UUID organizationId) {
        return findById(organizationId).map(c -> c != null);
    }
}
