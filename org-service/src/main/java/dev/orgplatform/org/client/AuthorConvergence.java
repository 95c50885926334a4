package dev.orgplatform.org.client;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.config.DependencyConfig;
import dev.orgplatform.platform.client.ReadYourWrites;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.AccessQuery;
import io.smallrye.mutiny.Uni;

/**
 * Read-your-writes for the organization's author: after the commit that created or restored it, the call waits
 * (at most {@code org.dependencies.read-your-writes-timeout}) until user-service lets the author read it and, for a
 * root, billing-service has its account open, both learned from Kafka. The author's next request on any service
 * then sees it.
 */
@ApplicationScoped
public class AuthorConvergence {

    private static final Logger LOG = Logger.getLogger(AuthorConvergence.class);

    private final AccessPolicy access;
    private final BillingServiceApi billing;
    private final Duration timeout;

    public AuthorConvergence(AccessPolicy access, @RestClient BillingServiceApi billing, DependencyConfig config) {
        this.access = access;
        this.billing = billing;
        this.timeout = config.readYourWritesTimeout();
    }

    public Uni<Organization> usableBy(Organization organization, UUID author) {
        // the author's own login may lack a second factor; whether the membership is there is what counts here
        AccessQuery mayRead = new AccessQuery(author, organization.id, "organization:read", null, true, null);
        boolean billed = organization.parentId == null;
        return ReadYourWrites.await(() -> access.decide(mayRead).map(d -> d.allowed())
                .chain(allowed -> allowed && billed ? billing.limits(organization.id).map(r -> r.getStatus() == 200)
                        : Uni.createFrom().item(allowed)), timeout)
                .invoke(applied -> {
                    if (!applied && !timeout.isZero()) {
                        LOG.warnf("organization %s not yet usable by its author after %s; answering anyway", organization.id, timeout);
                    }
                })
                .replaceWith(organization);
    }
}
