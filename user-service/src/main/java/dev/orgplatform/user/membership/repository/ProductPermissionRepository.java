package dev.orgplatform.user.membership.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.membership.ProductPermission;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProductPermissionRepository implements PanacheRepositoryBase<ProductPermission, ProductPermission.Key> {

    /** A member's grants on one product. */
    public Uni<List<ProductPermission>> onProduct(UUID organizationId, UUID userId, String productId) {
        return list("organizationId = ?1 and userId = ?2 and productId = ?3", organizationId, userId, productId);
    }

    /** A member's grants on every product, by product. */
    public Uni<List<ProductPermission>> ofMember(UUID organizationId, UUID userId) {
        return list("organizationId = ?1 and userId = ?2 order by productId, permission", organizationId, userId);
    }

    public Uni<Long> deleteOnProduct(UUID organizationId, UUID userId, String productId) {
        return delete("organizationId = ?1 and userId = ?2 and productId = ?3", organizationId, userId, productId);
    }

    /** Every grant of the user in the organization. */
    public Uni<Long> removeFromOrganization(UUID userId, UUID organizationId) {
        return delete("userId = ?1 and organizationId = ?2", userId, organizationId);
    }

    public Uni<Long> deleteOfOrganization(UUID organizationId) {
        return delete("organizationId", organizationId);
    }
}
