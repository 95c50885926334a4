package dev.orgplatform.user.sso.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.sso.OrganizationDomain;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrganizationDomainRepository implements PanacheRepositoryBase<OrganizationDomain, UUID> {

    public Uni<List<OrganizationDomain>> of(UUID organizationId) {
        return list("organizationId = ?1 order by domain", organizationId);
    }

    public Uni<OrganizationDomain> claim(UUID organizationId, String domain) {
        return find("organizationId = ?1 and domain = ?2", organizationId, domain).firstResult();
    }

    /** Whoever holds the domain verified (at most one organization does), or null. */
    public Uni<OrganizationDomain> verifiedOwner(String domain) {
        return find("domain = ?1 and verifiedAt is not null", domain).firstResult();
    }

    public Uni<List<String>> verifiedDomainsOf(UUID organizationId) {
        return list("organizationId = ?1 and verifiedAt is not null order by domain", organizationId)
                .map(rows -> rows.stream().map(d -> d.domain).toList());
    }
}
