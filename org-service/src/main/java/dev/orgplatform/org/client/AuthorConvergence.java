package dev.orgplatform.org.client;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.config.DependencyConfig;
import dev.orgplatform.platform.client.ReadYourWrites;
import dev.orgplatform.platform.security.AccessGate;
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

    private final AccessGate gate;
    private final BillingServiceApi billing;
    private final Duration timeout;

    public AuthorConvergence(AccessGate gate, @RestClient BillingServiceApi billing, DependencyConfig config) {
        this.gate = gate;
        this.billing = billing;
        this.timeout = config.readYourWritesTimeout();
    }

    public Uni<Organization> usableBy(Organization organization, UUID author) {
        boolean billed = organization.parentId == null;
        return ReadYourWrites.await(() -> gate.showsRoleOf(author, organization.id)
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
