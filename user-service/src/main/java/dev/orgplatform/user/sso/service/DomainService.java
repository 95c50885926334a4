package dev.orgplatform.user.sso.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.user.client.DnsTxtRecords;
import dev.orgplatform.user.config.SsoConfig;
import dev.orgplatform.user.sso.DomainName;
import dev.orgplatform.user.sso.DomainVerification;
import dev.orgplatform.user.sso.OrganizationDomain;
import dev.orgplatform.user.sso.messaging.SsoEvents;
import dev.orgplatform.user.sso.repository.OrganizationDomainRepository;
import dev.orgplatform.user.sso.repository.SsoSyncRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Email domains organizations claim and prove by DNS. A verified domain belongs to one organization (so to one tree);
 * a claim of a domain another organization verified is refused. DNS is asked outside any transaction.
 */
@ApplicationScoped
public class DomainService {

    private final OrganizationDomainRepository domains;
    private final SsoSyncRepository syncs;
    private final KeycloakSync sync;
    private final DnsTxtRecords dns;
    private final Outbox outbox;
    private final PlatformClock clock;
    private final SsoConfig config;

    public DomainService(OrganizationDomainRepository domains, SsoSyncRepository syncs, KeycloakSync sync, DnsTxtRecords dns,
            Outbox outbox, PlatformClock clock, SsoConfig config) {
        this.domains = domains;
        this.syncs = syncs;
        this.sync = sync;
        this.dns = dns;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    @WithTransaction
    public Uni<OrganizationDomain> claim(UUID organizationId, String requested) {
        String domain = DomainName.normalize(requested);
        if (domain == null) {
            throw ProblemException.badField("domain", "is not a domain name (e.g. acme.com)");
        }
        return domains.verifiedOwner(domain).chain(owner -> {
            if (owner != null) {
                throw ProblemException.conflict(domain + " is verified by another organization"
                        + (owner.organizationId.equals(organizationId) ? " (this one)" : ""));
            }
            return domains.of(organizationId);
        }).chain(mine -> {
            if (mine.stream().anyMatch(d -> d.domain.equals(domain))) {
                throw ProblemException.conflict(domain + " is already claimed by this organization");
            }
            if (mine.size() >= config.maxDomains()) {
                throw ProblemException.conflict("the organization already claims " + mine.size() + " domains, the most it may");
            }
            OrganizationDomain d = new OrganizationDomain();
            d.id = UUID.randomUUID();
            d.organizationId = organizationId;
            d.domain = domain;
            d.verificationToken = DomainVerification.newToken();
            d.createdAt = clock.now();
            return domains.persist(d).call(saved -> publish(EventTypes.DOMAIN_CLAIMED, saved, null));
        });
    }

    @WithSession
    public Uni<List<OrganizationDomain>> list(UUID organizationId) {
        return domains.of(organizationId);
    }

    @WithSession
    public Uni<OrganizationDomain> find(UUID organizationId, UUID domainId) {
        return domains.findById(domainId).map(d -> {
            if (d == null || !d.organizationId.equals(organizationId)) {
                throw ProblemException.notFound("domain " + domainId);
            }
            return d;
        });
    }

    /**
     * Looks up the TXT record and records the outcome: verified (then Keycloak routes its logins), or why not. A DNS
     * server that does not answer is a 503 and changes nothing.
     */
    public Uni<OrganizationDomain> verify(UUID organizationId, UUID domainId) {
        return find(organizationId, domainId).chain(d -> d.verified() ? Uni.createFrom().item(d)
                : dns.of(DomainVerification.recordName(d.domain))
                        .onFailure().transform(e -> ProblemException.unavailable("dns", "DNS did not answer",
                                "the TXT record of " + d.domain + " could not be looked up: " + e.getMessage()))
                        .chain(texts -> checked(organizationId, domainId, DomainVerification.proves(texts, d.verificationToken), texts.size())
                                .onFailure(DomainService::alreadyVerified).transform(e -> ProblemException.conflict(d.domain
                                        + " was verified by another organization at the same moment")))
                        .call(checked -> checked.verified() ? sync.now(organizationId) : Uni.createFrom().voidItem()));
    }

    public Uni<Void> remove(UUID organizationId, UUID domainId) {
        return removed(organizationId, domainId).call(wasVerified -> wasVerified ? sync.now(organizationId) : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    @WithTransaction
    Uni<OrganizationDomain> checked(UUID organizationId, UUID domainId, boolean proven, int recordsFound) {
        return domains.findById(domainId).chain(d -> {
            d.checkedAt = clock.now();
            if (d.verified()) {
                return Uni.createFrom().item(d);
            }
            if (!proven) {
                d.checkFailure = "no TXT record " + DomainVerification.recordName(d.domain) + " with the text "
                        + DomainVerification.recordValue(d.verificationToken) + " (found " + recordsFound + " TXT record"
                        + (recordsFound == 1 ? "" : "s") + ")";
                return publish(EventTypes.DOMAIN_VERIFICATION_FAILED, d, d.checkFailure).replaceWith(d);
            }
            return domains.verifiedOwner(d.domain).chain(owner -> {
                if (owner != null) {
                    d.checkFailure = d.domain + " is verified by another organization";
                    return publish(EventTypes.DOMAIN_VERIFICATION_FAILED, d, d.checkFailure).replaceWith(d);
                }
                d.verifiedAt = clock.now();
                d.checkFailure = null;
                return syncs.changed(organizationId, clock.now()).chain(() -> publish(EventTypes.DOMAIN_VERIFIED, d, null)).replaceWith(d);
            });
        });
    }

    /** Emits whether the domain was verified (Keycloak then stops routing it). */
    @WithTransaction
    Uni<Boolean> removed(UUID organizationId, UUID domainId) {
        return find(organizationId, domainId).chain(d -> {
            boolean verified = d.verified();
            return publish(EventTypes.DOMAIN_REMOVED, d, null)
                    .chain(() -> verified ? syncs.changed(organizationId, clock.now()) : Uni.createFrom().voidItem())
                    .chain(() -> domains.delete(d)).replaceWith(verified);
        });
    }

    /** The unique index of verified domains refused a second verified owner (a verification that raced another). */
    private static boolean alreadyVerified(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private Uni<Void> publish(String type, OrganizationDomain d, String failure) {
        return outbox.publish(SsoEvents.TOPIC, type, d.organizationId, "domains/" + d.id,
                new SsoEvents.Domain(d.id, d.organizationId, d.domain, failure));
    }
}
