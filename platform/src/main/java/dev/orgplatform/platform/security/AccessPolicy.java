package dev.orgplatform.platform.security;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * The authorization check. user-service answers it from its in-memory view; the other services reach it over
 * REST ({@link RemoteAccessPolicy}). Endpoints do not call it directly: they go through {@link AccessGate}.
 */
public interface AccessPolicy {

    /** The answer for the user alone, without regard to how they authenticated. */
    Uni<AccessDecision> decide(AccessQuery query);

    /** The answers for the users alone, in the order of the questions. */
    default Uni<List<AccessDecision>> decideAll(List<AccessQuery> queries) {
        if (queries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(queries.stream().map(this::decide).toList()).andFailFast();
    }

    /**
     * The answer for this caller: an API key (if any) narrows it to its organization and scopes. A key bound to
     * another organization does not even see this one; a key lacking the scope is refused with the owner's role.
     */
    default Uni<AccessDecision> check(AccessQuery query) {
        if (query.apiKey() != null && !query.apiKey().organizationId().equals(query.organizationId())) {
            return Uni.createFrom().item(AccessDecision.deny(query.apiKeyRefusal()));
        }
        String scopeRefusal = query.apiKeyRefusal();
        if (scopeRefusal == null) {
            return decide(query);
        }
        return decide(query).map(d -> d.organizationVisible() ? AccessDecision.deny(scopeRefusal, d.role()) : d);
    }
}
