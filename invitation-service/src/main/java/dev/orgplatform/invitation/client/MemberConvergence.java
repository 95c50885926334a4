package dev.orgplatform.invitation.client;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.invitation.Invitation;
import dev.orgplatform.invitation.config.InvitationConfig;
import dev.orgplatform.platform.client.ReadYourWrites;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.AccessQuery;
import io.smallrye.mutiny.Uni;

/**
 * Read-your-writes for the invitee: after the commit that accepted, the call waits (at most
 * {@code invitation.user-service.read-your-writes-timeout}) until user-service, which makes the membership from
 * InvitationAccepted, lets the new member read the organization. Their next request on any service then works.
 */
@ApplicationScoped
public class MemberConvergence {

    private static final Logger LOG = Logger.getLogger(MemberConvergence.class);

    private final AccessPolicy access;
    private final Duration timeout;

    public MemberConvergence(AccessPolicy access, InvitationConfig config) {
        this.access = access;
        this.timeout = config.userService().readYourWritesTimeout();
    }

    public Uni<Invitation> memberCanAct(Invitation accepted) {
        // the member's login may still lack a second factor; whether the membership is there is what counts here
        AccessQuery mayRead = new AccessQuery(accepted.acceptedBy, accepted.organizationId, "organization:read", null, true, null);
        return ReadYourWrites.await(() -> access.decide(mayRead).map(d -> d.allowed()), timeout)
                .invoke(applied -> {
                    if (!applied && !timeout.isZero()) {
                        LOG.warnf("invitation %s accepted but the membership is not usable yet after %s; answering anyway",
                                accepted.id, timeout);
                    }
                })
                .replaceWith(accepted);
    }
}
