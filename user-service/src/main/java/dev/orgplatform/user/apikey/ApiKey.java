package dev.orgplatform.user.apikey;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;

/**
 * A personal key for automation, bound to one organization; its secret is kept only as a hash. Updates write only the
 * columns changed, so a rotation never overwrites use counts other replicas added meanwhile.
 */
@Entity
@DynamicUpdate
@Table(name = "api_key")
public class ApiKey {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    /** The owner: the key acts with this user's rights, narrowed by its scopes. */
    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false)
    public String name;

    /** The first characters of the secret, so people can tell their keys apart. */
    @Column(name = "display_prefix", nullable = false)
    public String displayPrefix;

    @Column(name = "secret_hash", nullable = false, unique = true)
    public String secretHash;

    @Column(nullable = false)
    public String[] scopes;

    /** The API-key seat held at billing-service while the key lives. */
    @Column(name = "reservation_id", nullable = false)
    public UUID reservationId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** Uses written back so far, added up from every replica's counts. */
    @Column(name = "use_count", nullable = false)
    public long useCount;

    @Version
    public long version;
}
