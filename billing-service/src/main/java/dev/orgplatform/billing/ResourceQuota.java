package dev.orgplatform.billing;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One organization's own usage of one resource, held reservations included; on a tree's root also the tree's limit
 * (a sub-organization's is null: the root's applies to the sum over the tree).
 */
@Entity
@Table(name = "resource_quota")
@IdClass(ResourceQuota.Key.class)
public class ResourceQuota {

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Id
    @Enumerated(EnumType.STRING)
    public LimitedResource resource;

    /** Null = unlimited, or a sub-organization's row. */
    @Column(name = "limit_value")
    public Long limitValue;

    @Column(nullable = false)
    public long used;

    /** Set by hand: a plan change leaves it alone. */
    @Column(nullable = false)
    public boolean custom;

    public record Key(UUID organizationId, LimitedResource resource) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
