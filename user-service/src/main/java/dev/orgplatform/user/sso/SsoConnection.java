package dev.orgplatform.user.sso;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.orgplatform.platform.security.Role;

/**
 * An organization's own identity provider (OIDC or SAML 2.0), kept in Keycloak as an identity provider named
 * {@link #alias} and linked to the organization. Logins of {@link #domain} are routed to it once the domain is
 * verified; who signs in through it joins with {@link #defaultRole} in {@link #defaultTeam}.
 */
@Entity
@Table(name = "sso_connection")
public class SsoConnection {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    /** Keycloak's identity provider alias, also the {@code identity_provider} claim of sessions it starts. */
    @Column(nullable = false, unique = true)
    public String alias;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SsoProtocol protocol;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public String domain;

    /** OIDC: the issuer whose discovery document describes the provider. */
    public String issuer;

    @Column(name = "client_id")
    public String clientId;

    /** The client secret until Keycloak holds it; then null (it is never read back). */
    @Column(name = "pending_secret")
    public String pendingSecret;

    /** SAML: where the provider's metadata is, or the metadata itself. */
    @Column(name = "metadata_url")
    public String metadataUrl;

    @Column(name = "metadata_xml")
    public String metadataXml;

    @Column(name = "email_attribute", nullable = false)
    public String emailAttribute;

    @Column(name = "first_name_attribute", nullable = false)
    public String firstNameAttribute;

    @Column(name = "last_name_attribute", nullable = false)
    public String lastNameAttribute;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_role", nullable = false)
    public Role defaultRole;

    @Column(name = "default_team")
    public String defaultTeam;

    @Version
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public boolean live() {
        return deletedAt == null;
    }
}
