package dev.orgplatform.platform.security;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import dev.orgplatform.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The one authorization gate of every endpoint that acts in an organization, asked before anything is read:
 * the caller (narrowed by their API key, if any) must hold the permission there or on an ancestor. Whoever may
 * not even see the organization gets the same 404 as for an unknown id; a member lacking the permission gets
 * 403; user-service unreachable is a 503. It emits the decision, whose effective role rules need.
 */
@RequestScoped
public class AccessGate {

    private final AccessPolicy policy;
    private final Caller caller;

    public AccessGate(AccessPolicy policy, Caller caller) {
        this.policy = policy;
        this.caller = caller;
    }

    public Uni<AccessDecision> require(String permission, UUID organizationId) {
        AccessQuery query = caller.may(permission, organizationId);
        return policy.check(query).map(decision -> {
            if (!decision.allowed()) {
                throw refusal(query, decision);
            }
            return decision;
        });
    }

    /** As {@link #require}, but the caller's effective role there (never null once allowed). */
    public Uni<Role> requireRole(String permission, UUID organizationId) {
        return require(permission, organizationId).map(AccessDecision::effectiveRole);
    }

    /** Platform services (client credentials) pass; everyone else needs {@code permission}. */
    public Uni<Void> requireOrService(String permission, UUID organizationId) {
        return caller.isService() ? Uni.createFrom().voidItem() : require(permission, organizationId).replaceWithVoid();
    }

    /** Only platform services (client credentials) pass. */
    public void requireService() {
        if (!caller.isService()) {
            throw ProblemException.forbidden("only platform services may call this");
        }
    }

    /** The problem for a refused question: 404 when the organization is not visible to the caller, else 403. */
    public static ProblemException refusal(AccessQuery query, AccessDecision decision) {
        if (!decision.organizationVisible()) {
            return ProblemException.notFound("organization " + query.organizationId());
        }
        return ProblemException.forbidden("not allowed to " + query.permission() + " in organization " + query.organizationId()
                + ": " + decision.reason());
    }
}
