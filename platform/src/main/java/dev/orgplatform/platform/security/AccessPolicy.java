package dev.orgplatform.platform.security;

import dev.orgplatform.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The authorization check every service applies. user-service answers it from its in-memory view; the
 * other services reach it over REST ({@link RemoteAccessPolicy}).
 */
public interface AccessPolicy {

    Uni<AccessDecision> check(AccessQuery query);

    /** Fails with a 403 problem unless the check allows (and the caller's API key, if any, covers it). */
    default Uni<Void> require(AccessQuery query) {
        String keyRefusal = query.apiKeyRefusal();
        if (keyRefusal != null) {
            return Uni.createFrom().failure(ProblemException.forbidden(keyRefusal));
        }
        return check(query).invoke(d -> {
            if (!d.allowed()) {
                throw ProblemException.forbidden("not allowed to " + query.permission() + " in organization "
                        + query.organizationId() + ": " + d.reason());
            }
        }).replaceWithVoid();
    }
}
