package dev.orgplatform.org.client;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.config.DependencyConfig;
import dev.orgplatform.platform.client.ReadYourWrites;
import dev.orgplatform.platform.security.AccessGate;
import io.smallrye.mutiny.Uni;

/**
 * Read-your-writes for the organization's author: after the commit that created or restored it, the call waits
 * (at most {@code org.dependencies.read-your-writes-timeout}) until user-service lets the author read it, for a root
 * billing-service has its account open and, after a restore, invitation-service takes invitations again, all learned
 * from Kafka. The author's next request on any service then sees it.
 */
@ApplicationScoped
public class AuthorConvergence {

    private static final Logger LOG = Logger.getLogger(AuthorConvergence.class);

    private final AccessGate gate;
    private final BillingServiceApi billing;
    private final InvitationServiceApi invitations;
    private final Duration timeout;

    public AuthorConvergence(AccessGate gate, @RestClient BillingServiceApi billing, @RestClient InvitationServiceApi invitations,
            DependencyConfig config) {
        this.gate = gate;
        this.billing = billing;
        this.invitations = invitations;
        this.timeout = config.readYourWritesTimeout();
    }

    public Uni<Organization> usableBy(Organization organization, UUID author) {
        return converge(organization, author, false);
    }

    /** After a restore: also until invitation-service, which closed the organization's invitations, takes them again. */
    public Uni<Organization> restoredFor(Organization organization, UUID author) {
        return converge(organization, author, true);
    }

    /**
     * After a deletion was scheduled: until user-service no longer lets the requester read it and invitation-service
     * no longer takes invitations to it. A restore's wait for "usable again" then cannot be met by a consumer that has
     * not yet seen the deletion.
     */
    public Uni<Organization> closedFor(Organization organization, UUID requester) {
        return awaitSeen(organization, "closed everywhere", () -> gate.showsRoleOf(requester, organization.id)
                .chain(readable -> readable ? Uni.createFrom().item(false)
                        : invitations.availability(organization.id).map(r -> r.getStatus() == 200 && !available(r))));
    }

    private Uni<Organization> converge(Organization organization, UUID author, boolean reopened) {
        boolean billed = organization.parentId == null;
        return awaitSeen(organization, "usable by its author", () -> gate.showsRoleOf(author, organization.id)
                .chain(allowed -> allowed && billed ? billing.limits(organization.id).map(r -> r.getStatus() == 200)
                        : Uni.createFrom().item(allowed))
                .chain(ready -> ready && reopened ? invitations.availability(organization.id).map(AuthorConvergence::available)
                        : Uni.createFrom().item(ready)));
    }

    /** Bounded: past the timeout the write answers anyway, with a warning. */
    private Uni<Organization> awaitSeen(Organization organization, String what, Supplier<Uni<Boolean>> seen) {
        return ReadYourWrites.await(seen, timeout)
                .invoke(applied -> {
                    if (!applied && !timeout.isZero()) {
                        LOG.warnf("organization %s not yet %s after %s; answering anyway", organization.id, what, timeout);
                    }
                })
                .replaceWith(organization);
    }

    private static boolean available(Response r) {
        return r.getStatus() == 200 && r.readEntity(JsonNode.class).path("available").asBoolean(false);
    }
}
