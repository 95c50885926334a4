package dev.orgplatform.platform.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** As {@link #require}, for what only a person does, never an API key (making and managing keys): 403 for a key. */
    public Uni<AccessDecision> requireInPerson(String permission, UUID organizationId) {
        return require(permission, organizationId).invoke(() -> {
            if (caller.apiKey() != null) {
                throw ProblemException.forbidden("an API key cannot do this: only a person signed in can");
            }
        });
    }

    /** Whether the caller holds {@code permission} where they may see the organization (404 when they may not). */
    public Uni<Boolean> holds(String permission, UUID organizationId) {
        return require(permission, organizationId).replaceWith(true)
                .onFailure(e -> e instanceof ProblemException p && p.status() == 403).recoverWithItem(false);
    }

    /**
     * {@code permission} held through something the check does not know (say, being a team's admin) still passes
     * only as far as the caller's API key covers it; otherwise as {@link #require}.
     */
    public Uni<Void> requireUnlessHeldOtherwise(String permission, UUID organizationId, boolean heldOtherwise) {
        if (!heldOtherwise) {
            return require(permission, organizationId).replaceWithVoid();
        }
        AccessQuery query = caller.may(permission, organizationId);
        String refusal = query.apiKeyRefusal();
        return refusal == null ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ProblemException.forbidden("not allowed to " + permission + ": " + refusal));
    }

    /**
     * A platform service passes when its account holds {@code right} (one of {@link ServiceRight}), and is refused
     * otherwise; everyone else needs {@code permission}.
     */
    public Uni<Void> requireOrService(String permission, UUID organizationId, String right) {
        if (caller.isService()) {
            return caller.holds(right) ? Uni.createFrom().voidItem() : Uni.createFrom().failure(lacking(right));
        }
        return require(permission, organizationId).replaceWithVoid();
    }

    /**
     * Of {@code organizationIds}, those where the caller may do {@code permission}, in their order, asked in one
     * question of the check; an API key narrows each as {@link #require} would. Unlike it, refuses nothing: for
     * listings such as search.
     */
    public Uni<List<UUID>> permitted(String permission, List<UUID> organizationIds) {
        List<UUID> asked = new ArrayList<>();
        List<AccessQuery> queries = new ArrayList<>();
        for (UUID org : organizationIds) {
            AccessQuery q = caller.may(permission, org);
            if (q.apiKeyRefusal() == null) {
                asked.add(org);
                queries.add(q);
            }
        }
        return policy.decideAll(queries).map(decisions -> {
            List<UUID> permitted = new ArrayList<>();
            for (int i = 0; i < asked.size() && i < decisions.size(); i++) {
                if (decisions.get(i).allowed()) {
                    permitted.add(asked.get(i));
                }
            }
            return permitted;
        });
    }

    /**
     * Whether the check already shows {@code userId}'s role in the organization: for waiting until the author of a
     * write sees it everywhere. It decides nothing, so it asks for the person (no API key, no second factor needed).
     */
    public Uni<Boolean> showsRoleOf(UUID userId, UUID organizationId) {
        return policy.decide(new AccessQuery(userId, organizationId, "organization:read", null, true, null))
                .map(AccessDecision::allowed);
    }

    /** Only platform operators (a realm role, never through an API key) pass. */
    /**
     * As {@link #require}, but a platform operator passes without asking (not bound by the organization's rules: how an
     * organization whose admins shut themselves out is given back to them). Answers whether the caller is one.
     */
    public Uni<Boolean> requireUnlessOperator(String permission, UUID organizationId) {
        return caller.isOperator() ? Uni.createFrom().item(true) : require(permission, organizationId).replaceWith(false);
    }

    public void requireOperator() {
        if (!caller.isOperator()) {
            throw ProblemException.forbidden("only a platform operator may do this");
        }
    }

    /**
     * The caller's effective role in each of the organizations, each asked like {@link #requireRole}: 404 when the
     * caller sees none of them, 403 when one refuses. A platform operator passes with no roles.
     */
    public Uni<Map<UUID, Role>> requireOperatorOrEvery(String permission, List<UUID> organizationIds) {
        if (caller.isOperator()) {
            return Uni.createFrom().item(Map.of());
        }
        if (organizationIds.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.forbidden("only a platform operator may do this"));
        }
        List<Uni<AccessDecision>> asked = organizationIds.stream()
                .map(org -> policy.check(caller.may(permission, org))).toList();
        return Uni.join().all(asked).andFailFast().map(decisions -> {
            Map<UUID, Role> roles = new HashMap<>();
            for (int i = 0; i < decisions.size(); i++) {
                AccessDecision d = decisions.get(i);
                if (d.allowed()) {
                    roles.put(organizationIds.get(i), d.effectiveRole());
                }
            }
            if (decisions.stream().noneMatch(AccessDecision::organizationVisible)) {
                throw ProblemException.notFound("no organization of this user is visible to the caller");
            }
            if (roles.size() < organizationIds.size()) {
                throw ProblemException.forbidden("not allowed to " + permission + " in every organization concerned");
            }
            return roles;
        });
    }

    /** Only platform services whose account holds {@code right} (one of {@link ServiceRight}) pass. */
    public void requireService(String right) {
        if (!caller.isService()) {
            throw ProblemException.forbidden("only platform services may call this");
        }
        if (!caller.holds(right)) {
            throw lacking(right);
        }
    }

    private static ProblemException lacking(String right) {
        return ProblemException.forbidden("this service's account does not hold the role " + right);
    }

    /**
     * The problem for a refused question: 404 when the organization is not visible to the caller, else 403 (marked
     * {@code secondFactorRequired} when signing in again with a second factor is all it takes).
     */
    public static ProblemException refusal(AccessQuery query, AccessDecision decision) {
        if (!decision.organizationVisible()) {
            return ProblemException.notFound("organization " + query.organizationId());
        }
        if (decision.rule() != null) {
            String title = switch (decision.rule()) {
                case AccessDecision.IP_ALLOWLIST -> "Outside the IP allowlist";
                case AccessDecision.SIGN_IN_POLICY -> "Sign-in method not admitted";
                default -> "Sign in again";
            };
            return new ProblemException(403, title, "organization " + query.organizationId() + ": "
                    + decision.reason().substring(decision.rule().length() + 1).trim(), null, Map.of("rule", decision.rule()));
        }
        if (decision.needsSecondFactor()) {
            return new ProblemException(403, "Second factor required", "organization " + query.organizationId() + ": "
                    + decision.reason(), null, Map.of("secondFactorRequired", true));
        }
        return ProblemException.forbidden("not allowed to " + query.permission() + " in organization " + query.organizationId()
                + ": " + decision.reason());
    }
}
