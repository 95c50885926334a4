package dev.orgplatform.user.sso.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.user.access.service.AccessChangeFeed;
import dev.orgplatform.user.sso.SignInPolicy;
import dev.orgplatform.user.sso.SignInRule;
import dev.orgplatform.user.sso.messaging.SsoEvents;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** How an organization's members may sign in; it holds for the organization and everything beneath it. */
@ApplicationScoped
public class SignInPolicyService {

    private final SignInFacts facts;
    private final AccessChangeFeed feed;
    private final Outbox outbox;

    public SignInPolicyService(SignInFacts facts, AccessChangeFeed feed, Outbox outbox) {
        this.facts = facts;
        this.feed = feed;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<SignInFacts.Path> get(UUID organizationId) {
        return facts.path(organizationId);
    }

    /**
     * SSO only needs a connection to sign in with (here or above), and is refused to a caller whose own session it
     * would shut out unless {@code confirmLockout}. Effective on every replica once this answers.
     */
    public Uni<SignInFacts.Path> set(UUID organizationId, SignInPolicy policy, String callerIdentityProvider, boolean confirmLockout) {
        return changed(organizationId, policy, callerIdentityProvider, confirmLockout).call(feed::awaitApplied);
    }

    @WithTransaction
    Uni<SignInFacts.Path> changed(UUID organizationId, SignInPolicy policy, String callerIdentityProvider, boolean confirmLockout) {
        if (policy == null) {
            throw ProblemException.badField("policy", "is required: PASSWORD, PASSWORD_AND_SSO or SSO_ONLY");
        }
        return facts.path(organizationId).chain(path -> {
            if (!policy.admitsPassword() && path.liveConnections().isEmpty()) {
                throw ProblemException.badField("policy", "SSO_ONLY needs an SSO connection of this organization or one above it");
            }
            java.util.List<SignInPolicy> after = new java.util.ArrayList<>(path.policies());
            if (after.isEmpty()) {
                throw ProblemException.notFound("organization " + organizationId);
            }
            after.set(0, policy);
            if (!confirmLockout && SignInRule.refusal(after, path.liveConnections(), java.util.Set.of(), callerIdentityProvider) != null) {
                throw new ProblemException(409, "Would shut you out", "you signed in "
                        + (callerIdentityProvider == null ? "with a password" : "through another identity provider")
                        + ", which " + policy + " does not admit here: sign in the admitted way first, or confirm with ?confirm=lockout");
            }
            SignInPolicy before = path.own();
            return facts.refresh(organizationId, policy)
                    .call(() -> outbox.publish(SsoEvents.TOPIC, EventTypes.SIGN_IN_POLICY_CHANGED, organizationId,
                            "organizations/" + organizationId + "/sign-in-policy",
                            new SsoEvents.SignInPolicyChanged(organizationId, before.name(), policy.name())))
                    .chain(() -> facts.path(organizationId));
        });
    }
}
