package dev.orgplatform.user.membership;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One right on one product granted to a member beyond their role. */
@Entity
@Table(name = "product_permission")
@IdClass(ProductPermission.Key.class)
public class ProductPermission {

    /** What may be granted per product. */
    public static final Set<String> GRANTABLE = Set.of("product:read", "product:write", "device:read", "device:write",
            "firmware:read", "firmware:write", "deployment:read", "deployment:write");

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Id
    @Column(name = "product_id")
    public String productId;

    @Id
    public String permission;

    public record Key(UUID organizationId, UUID userId, String productId, String permission) implements Serializable {
        public Key() {
            this(null, null, null, null);
        }
    }
}
