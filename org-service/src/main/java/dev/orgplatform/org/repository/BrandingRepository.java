package dev.orgplatform.org.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.org.OrganizationBranding;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BrandingRepository implements PanacheRepositoryBase<OrganizationBranding, UUID> {

    /** An organization's own branding without the logo's bytes (what pages and mails ask for most). */
    public record Facts(UUID organizationId, String primaryColor, String mailDisplayName, String logoMediaType, Integer logoWidth,
            Integer logoHeight, String logoSha256, long version) {
    }

    /** The logo's bytes and what they are. */
    public record Logo(UUID organizationId, byte[] bytes, String mediaType, String sha256) {
    }

    public Uni<List<Facts>> factsOf(Collection<UUID> organizationIds) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("""
                select b.organizationId, b.primaryColor, b.mailDisplayName, b.logoMediaType, b.logoWidth, b.logoHeight, b.logoSha256,
                    b.version
                from OrganizationBranding b where b.organizationId in ?1""", Object[].class)
                .setParameter(1, organizationIds).getResultList())
                .map(rows -> rows.stream().map(r -> new Facts((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (Integer) r[4],
                        (Integer) r[5], (String) r[6], ((Number) r[7]).longValue())).toList());
    }

    public Uni<Logo> logoOf(UUID organizationId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("""
                select b.logo, b.logoMediaType, b.logoSha256
                from OrganizationBranding b where b.organizationId = ?1 and b.logoSha256 is not null""", Object[].class)
                .setParameter(1, organizationId).getResultList())
                .map(rows -> rows.isEmpty() ? null
                        : new Logo(organizationId, (byte[]) rows.get(0)[0], (String) rows.get(0)[1], (String) rows.get(0)[2]));
    }
}
