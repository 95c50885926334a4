package dev.orgplatform.org.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.org.OrganizationSettings;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrganizationSettingsRepository implements PanacheRepositoryBase<OrganizationSettings, UUID> {

    public Uni<List<OrganizationSettings>> forOrganizations(Collection<UUID> ids) {
        return list("organizationId in ?1", ids);
    }
}
