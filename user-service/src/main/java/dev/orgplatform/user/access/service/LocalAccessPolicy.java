package dev.orgplatform.user.access.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.AccessQuery;
import io.smallrye.mutiny.Uni;

/**
 * Inside user-service the check is a lookup in the {@link AccessView}, not a call to itself: an allowance from a
 * current view stands; a denial, or any answer of a view that is not current, is decided again after a fresh poll
 * of the change feed (a 503 when none succeeds), so a grant committed on any replica counts here at once. Where the
 * organization caps a login's age and the token does not say when its login was, Keycloak's session start is used.
 */
@ApplicationScoped
public class LocalAccessPolicy implements AccessPolicy {

    private final AccessView view;
    private final AccessChangeFeed feed;
    private final SessionStarts sessions;

    public LocalAccessPolicy(AccessView view, AccessChangeFeed feed, SessionStarts sessions) {
        this.view = view;
        this.feed = feed;
        this.sessions = sessions;
    }

    @Override
    public Uni<AccessDecision> decide(AccessQuery query) {
        // a login's age matters only where a cap holds; a token without auth_time is dated by its Keycloak session
        if (query.authTime() == null && query.sessionId() != null && query.apiKey() == null
                && view.sessionCap(query.organizationId()) != null) {
            return sessions.of(query.userId(), query.sessionId())
                    .chain(start -> decideNow(query.withAuthTime(start == null ? 0L : start)));
        }
        return decideNow(query);
    }

    private Uni<AccessDecision> decideNow(AccessQuery query) {
        return feed.answer(() -> view.decide(query), AccessDecision::allowed);
    }
}
