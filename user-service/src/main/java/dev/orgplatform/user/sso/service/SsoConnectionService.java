package dev.orgplatform.user.sso.service;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.service.AccessChangeFeed;
import dev.orgplatform.user.config.SsoConfig;
import dev.orgplatform.user.sso.DomainName;
import dev.orgplatform.user.sso.SsoConnection;
import dev.orgplatform.user.sso.SsoProtocol;
import dev.orgplatform.user.sso.messaging.SsoEvents;
import dev.orgplatform.user.sso.repository.OrganizationDomainRepository;
import dev.orgplatform.user.sso.repository.SsoConnectionRepository;
import dev.orgplatform.user.sso.repository.SsoSyncRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * An organization's SSO connections. Each change commits with its event and the organization's sign-in facts of the
 * access view; Keycloak follows after the commit ({@link KeycloakSync}).
 */
@ApplicationScoped
public class SsoConnectionService {

    private final SsoConnectionRepository connections;
    private final OrganizationDomainRepository domains;
    private final SignInFacts signIn;
    private final KeycloakSync sync;
    private final SsoSyncRepository syncs;
    private final AccessChangeFeed feed;
    private final Outbox outbox;
    private final PlatformClock clock;
    private final SsoConfig config;

    public SsoConnectionService(SsoConnectionRepository connections, OrganizationDomainRepository domains, SignInFacts signIn,
            KeycloakSync sync, SsoSyncRepository syncs, AccessChangeFeed feed, Outbox outbox, PlatformClock clock, SsoConfig config) {
        this.connections = connections;
        this.domains = domains;
        this.signIn = signIn;
        this.sync = sync;
        this.syncs = syncs;
        this.feed = feed;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    public Uni<SsoConnection> create(UUID organizationId, SsoConnectionSettings settings) {
        return record(organizationId, settings).call(c -> sync.now(organizationId)).call(feed::awaitApplied);
    }

    /** The live connections, the organization's verified domains (a connection routes logins of its domain once verified) and Keycloak's state. */
    public record Connections(List<SsoConnection> connections, List<String> verifiedDomains, SsoSyncRepository.State keycloak) {
    }

    @WithSession
    public Uni<Connections> list(UUID organizationId) {
        return connections.liveOf(organizationId).chain(live -> domains.verifiedDomainsOf(organizationId)
                .chain(verified -> syncs.state(organizationId).map(state -> new Connections(live, verified, state))));
    }

    @WithSession
    public Uni<SsoConnection> find(UUID organizationId, UUID connectionId) {
        return connections.findById(connectionId).map(c -> {
            if (c == null || !c.organizationId.equals(organizationId) || !c.live()) {
                throw ProblemException.notFound("SSO connection " + connectionId);
            }
            return c;
        });
    }

    /** {@code ifMatch}: the ETag the caller read (412 when the connection changed since). */
    public Uni<SsoConnection> change(UUID organizationId, UUID connectionId, String ifMatch, SsoConnectionSettings settings) {
        return changed(organizationId, connectionId, ifMatch, settings).call(c -> sync.now(organizationId));
    }

    /** Gone at once from the access view (sessions it started are refused there) and from Keycloak after the commit. */
    public Uni<Void> delete(UUID organizationId, UUID connectionId) {
        return deleted(organizationId, connectionId).call(() -> sync.now(organizationId)).call(feed::awaitApplied);
    }

    /**
     * The organization is purged: its connections count as deleted (Keycloak drops them and its organization after the
     * caller's commit, {@link KeycloakSync#now}), its domains are free again. Runs inside the caller's transaction.
     */
    public Uni<Void> organizationPurged(UUID organizationId) {
        return connections.liveOf(organizationId).invoke(live -> live.forEach(c -> {
            c.deletedAt = clock.now();
            c.pendingSecret = null;
        })).chain(() -> domains.delete("organizationId", organizationId)).chain(() -> syncs.changed(organizationId, clock.now()));
    }

    @WithTransaction
    Uni<SsoConnection> record(UUID organizationId, SsoConnectionSettings s) {
        if (s.protocol() == null) {
            throw ProblemException.badField("protocol", "is required (OIDC or SAML)");
        }
        SsoConnection c = new SsoConnection();
        c.id = UUID.randomUUID();
        c.organizationId = organizationId;
        c.alias = "sso-" + c.id;
        c.protocol = s.protocol();
        c.createdAt = clock.now();
        c.emailAttribute = "email";
        c.firstNameAttribute = s.protocol() == SsoProtocol.OIDC ? "given_name" : "firstName";
        c.lastNameAttribute = s.protocol() == SsoProtocol.OIDC ? "family_name" : "lastName";
        c.defaultRole = Role.VIEWER;
        apply(c, s);
        if (c.displayName == null) {
            throw ProblemException.badField("displayName", "is required");
        }
        if (c.protocol == SsoProtocol.OIDC && c.pendingSecret == null) {
            throw ProblemException.badField("clientSecret", "is required for an OIDC connection");
        }
        return connections.liveOf(organizationId).chain(live -> {
            if (live.size() >= config.maxConnections()) {
                throw ProblemException.conflict("the organization already has " + live.size() + " SSO connections, the most it may have");
            }
            return claimed(organizationId, c.domain);
        }).chain(() -> connections.persist(c))
                .call(saved -> connections.flush())
                .call(saved -> signIn.refresh(organizationId, null))
                .call(saved -> syncs.changed(organizationId, clock.now()))
                .call(saved -> outbox.publish(SsoEvents.TOPIC, EventTypes.SSO_CONNECTION_CREATED, organizationId, subject(saved),
                        event(saved, settingsOf(saved))));
    }

    @WithTransaction
    Uni<SsoConnection> changed(UUID organizationId, UUID connectionId, String ifMatch, SsoConnectionSettings s) {
        if (s.protocol() != null) {
            throw ProblemException.badField("protocol", "cannot change: delete the connection and make a new one");
        }
        return find(organizationId, connectionId).chain(c -> {
            Versions.requireMatch(ifMatch, c.version);
            Map<String, Object> before = settingsOf(c);
            apply(c, s);
            Map<String, Object> after = settingsOf(c);
            Map<String, Object> changes = new LinkedHashMap<>();
            after.forEach((k, v) -> {
                if (!Objects.equals(before.get(k), v)) {
                    changes.put(k, java.util.Arrays.asList(before.get(k), v));
                }
            });
            if (s.clientSecret() != null) {
                changes.put("clientSecret", "replaced");
            }
            return claimed(organizationId, c.domain)
                    .call(() -> outbox.publish(SsoEvents.TOPIC, EventTypes.SSO_CONNECTION_CHANGED, organizationId, subject(c), event(c, changes)))
                    .call(() -> syncs.changed(organizationId, clock.now()))
                    .call(() -> connections.flush()).replaceWith(c);
        });
    }

    @WithTransaction
    Uni<Void> deleted(UUID organizationId, UUID connectionId) {
        return find(organizationId, connectionId).chain(c -> signIn.path(organizationId).chain(path -> {
            c.deletedAt = clock.now();
            c.pendingSecret = null;
            if (path.requiresSso() && path.liveConnections().size() <= 1) {
                throw ProblemException.conflict("members may sign in only through SSO and this is the last connection they could use:"
                        + " allow passwords first (sign-in policy), then delete it");
            }
            return connections.flush().chain(() -> signIn.refresh(organizationId, null))
                    .call(() -> syncs.changed(organizationId, clock.now()))
                    .call(() -> outbox.publish(SsoEvents.TOPIC, EventTypes.SSO_CONNECTION_DELETED, organizationId, subject(c),
                            event(c, Map.of())));
        })).replaceWithVoid();
    }

    /** The connection's domain must be one the organization claims (it routes logins once verified). */
    private Uni<Void> claimed(UUID organizationId, String domain) {
        return domains.claim(organizationId, domain).map(d -> {
            if (d == null) {
                throw ProblemException.badField("domain", domain + " is not a domain of this organization: claim it first");
            }
            return null;
        });
    }

    private static void apply(SsoConnection c, SsoConnectionSettings s) {
        if (s.displayName() != null) {
            c.displayName = s.displayName().trim();
        }
        if (s.domain() != null) {
            String d = DomainName.normalize(s.domain());
            if (d == null) {
                throw ProblemException.badField("domain", "is not a domain name (e.g. acme.com)");
            }
            c.domain = d;
        }
        if (c.domain == null) {
            throw ProblemException.badField("domain", "is required");
        }
        if (c.protocol == SsoProtocol.OIDC) {
            if (s.metadataUrl() != null || s.metadataXml() != null) {
                throw ProblemException.badField(s.metadataUrl() != null ? "metadataUrl" : "metadataXml", "is for SAML connections");
            }
            c.issuer = s.issuer() != null ? url("issuer", s.issuer()) : c.issuer;
            c.clientId = s.clientId() != null ? s.clientId().trim() : c.clientId;
            c.pendingSecret = s.clientSecret() != null ? s.clientSecret() : c.pendingSecret;
            if (c.issuer == null || c.clientId == null || c.clientId.isEmpty()) {
                throw ProblemException.badField(c.issuer == null ? "issuer" : "clientId", "is required for an OIDC connection");
            }
        } else {
            if (s.issuer() != null || s.clientId() != null || s.clientSecret() != null) {
                throw ProblemException.badField(s.issuer() != null ? "issuer" : s.clientId() != null ? "clientId" : "clientSecret",
                        "is for OIDC connections");
            }
            if (s.metadataUrl() != null && s.metadataXml() != null) {
                throw ProblemException.badField("metadataXml", "give the metadata's URL or the document, not both");
            }
            if (s.metadataUrl() != null) {
                c.metadataUrl = url("metadataUrl", s.metadataUrl());
                c.metadataXml = null;
            } else if (s.metadataXml() != null) {
                if (!s.metadataXml().contains("EntityDescriptor")) {
                    throw ProblemException.badField("metadataXml", "is not SAML 2.0 metadata (no EntityDescriptor)");
                }
                c.metadataXml = s.metadataXml();
                c.metadataUrl = null;
            }
            if (c.metadataUrl == null && c.metadataXml == null) {
                throw ProblemException.badField("metadataUrl", "a SAML connection needs its metadata URL or metadataXml");
            }
        }
        c.emailAttribute = s.emailAttribute() != null ? s.emailAttribute().trim() : c.emailAttribute;
        c.firstNameAttribute = s.firstNameAttribute() != null ? s.firstNameAttribute().trim() : c.firstNameAttribute;
        c.lastNameAttribute = s.lastNameAttribute() != null ? s.lastNameAttribute().trim() : c.lastNameAttribute;
        if (s.defaultRole() == Role.OWNER) {
            throw ProblemException.badField("defaultRole", "an Owner is made by transfer only: choose ADMIN or below");
        }
        c.defaultRole = s.defaultRole() != null ? s.defaultRole() : c.defaultRole;
        c.defaultTeam = s.defaultTeam() != null ? (s.defaultTeam().isBlank() ? null : s.defaultTeam().trim()) : c.defaultTeam;
    }

    /** Keycloak fetches the provider's documents from it: http(s) only (plain http is for this machine's tests). */
    private static String url(String field, String value) {
        try {
            URI uri = URI.create(value.trim());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw ProblemException.badField(field, "must be an http(s) URL");
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "is not a URL");
        }
    }

    private static Map<String, Object> settingsOf(SsoConnection c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("displayName", c.displayName);
        m.put("domain", c.domain);
        m.put("issuer", c.issuer);
        m.put("clientId", c.clientId);
        m.put("metadataUrl", c.metadataUrl);
        m.put("emailAttribute", c.emailAttribute);
        m.put("firstNameAttribute", c.firstNameAttribute);
        m.put("lastNameAttribute", c.lastNameAttribute);
        m.put("defaultRole", c.defaultRole.name());
        m.put("defaultTeam", c.defaultTeam);
        return m;
    }

    private static String subject(SsoConnection c) {
        return "sso-connections/" + c.id;
    }

    private static SsoEvents.SsoConnection event(SsoConnection c, Map<String, Object> changes) {
        return new SsoEvents.SsoConnection(c.id, c.organizationId, c.alias, c.protocol.name(), c.domain, changes);
    }
}
