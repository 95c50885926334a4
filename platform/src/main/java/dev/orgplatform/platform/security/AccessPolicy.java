package dev.orgplatform.platform.security;

import dev.orgplatform.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The authorization check every service applies. user-service answers it from its in-memory view; the
 * other services reach it over REST ({@link RemoteAccessPolicy}).
 */
public interface AccessPolicy {

    /** The answer for the user alone, without regard to how they authenticated. */
    Uni<AccessDecision> decide(AccessQuery query);

    /** The answer for this caller: an API key (if any) narrows it to its organization and scopes first. */
    default Uni<AccessDecision> check(AccessQuery query) {
        String keyRefusal = query.apiKeyRefusal();
        return keyRefusal != null ? Uni.createFrom().item(AccessDecision.deny(keyRefusal)) : decide(query);
    }

    /** Fails with a 403 problem unless {@link #check} allows. */
    default Uni<Void> require(AccessQuery query) {
        return check(query).invoke(d -> {
            if (!d.allowed()) {
                throw ProblemException.forbidden("not allowed to " + query.permission() + " in organization "
                        + query.organizationId() + ": " + d.reason());
            }
        }).replaceWithVoid();
    }
}
