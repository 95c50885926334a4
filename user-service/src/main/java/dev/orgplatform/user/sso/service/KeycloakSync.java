package dev.orgplatform.user.sso.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.user.client.KeycloakBrokering;
import dev.orgplatform.user.config.SsoConfig;
import dev.orgplatform.user.sso.SsoConnection;
import dev.orgplatform.user.sso.SsoProtocol;
import dev.orgplatform.user.sso.repository.OrganizationDomainRepository;
import dev.orgplatform.user.sso.repository.SsoConnectionRepository;
import dev.orgplatform.user.sso.repository.SsoSyncRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Brings Keycloak into step with an organization's SSO after each change commits, and again on every replica's timer
 * until it succeeded (Keycloak down, a replica stopped halfway): each organization's sync counts the changes it
 * covers, so a change made meanwhile is synced once more. Keycloak is called outside any transaction.
 */
@ApplicationScoped
public class KeycloakSync {

    private static final Logger LOG = Logger.getLogger(KeycloakSync.class);
    private static final int BATCH = 20;

    private record Snapshot(long wanted, KeycloakBrokering.Brokering brokering, List<SsoConnection> connections) {
    }

    private final SsoConnectionRepository connections;
    private final OrganizationDomainRepository domains;
    private final SsoSyncRepository sync;
    private final KeycloakBrokering keycloak;
    private final PlatformClock clock;
    private final SsoConfig config;

    public KeycloakSync(SsoConnectionRepository connections, OrganizationDomainRepository domains, SsoSyncRepository sync,
            KeycloakBrokering keycloak, PlatformClock clock, SsoConfig config) {
        this.connections = connections;
        this.domains = domains;
        this.sync = sync;
        this.keycloak = keycloak;
        this.clock = clock;
        this.config = config;
    }

    void schedule(@Observes StartupEvent start, Scheduler scheduler) {
        scheduler.newJob(KeycloakSync.class.getName()).setInterval(config.syncInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setAsyncTask(execution -> catchUp()).schedule();
    }

    /** Every organization Keycloak is behind on, one after the other; a failure is recorded and retried next time. */
    Uni<Void> catchUp() {
        return Panache.withSession(() -> sync.behind(BATCH, clock.now().minus(config.syncInterval())))
                .chain(behind -> Multi.createFrom().iterable(behind).onItem()
                        .transformToUniAndConcatenate(b -> now(b.organizationId())).collect().last())
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.debugf("SSO sync did not run this time: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Syncs the organization now; a failure is only recorded (the timer retries it). Emits whether Keycloak is in step. */
    public Uni<Boolean> now(UUID organizationId) {
        return Panache.withSession(() -> snapshot(organizationId))
                .chain(s -> keycloak.apply(s.brokering()).chain(() -> Panache.withTransaction(() -> sync.done(organizationId, s.wanted())
                        .chain(() -> Multi.createFrom().iterable(s.connections()).filter(c -> c.live() && c.pendingSecret != null)
                                .onItem().transformToUniAndConcatenate(c -> connections.forgetSecret(c.id, c.version)).collect().last()))))
                .replaceWith(true)
                .onFailure().call(e -> Panache.withTransaction(() -> sync.failed(organizationId, e.toString(), clock.now()))
                        .onFailure().recoverWithNull())
                .onFailure().invoke(e -> LOG.infof("Keycloak is not in step with the SSO of organization %s yet: %s", organizationId,
                        e.toString()))
                .onFailure().recoverWithItem(false);
    }

    private Uni<Snapshot> snapshot(UUID organizationId) {
        return sync.wanted(organizationId).chain(wanted -> connections.allOf(organizationId)
                .chain(all -> domains.verifiedDomainsOf(organizationId).map(verified -> {
                    List<KeycloakBrokering.Provider> providers = all.stream().filter(SsoConnection::live)
                            .map(c -> provider(c, verified.contains(c.domain) ? c.domain : null)).toList();
                    List<String> removed = all.stream().filter(c -> !c.live()).map(c -> c.alias).toList();
                    return new Snapshot(wanted, new KeycloakBrokering.Brokering(organizationId, verified, providers, removed), all);
                })));
    }

    private static KeycloakBrokering.Provider provider(SsoConnection c, String routedDomain) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("email", c.emailAttribute);
        attributes.put("firstName", c.firstNameAttribute);
        attributes.put("lastName", c.lastNameAttribute);
        String discovery = c.protocol == SsoProtocol.OIDC ? stripSlash(c.issuer) + "/.well-known/openid-configuration" : c.metadataUrl;
        return new KeycloakBrokering.Provider(c.alias, c.protocol.keycloakProvider(), c.displayName, discovery, c.metadataXml,
                c.clientId, c.pendingSecret, routedDomain, attributes);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
