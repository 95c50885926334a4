package dev.orgplatform.user.access.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.AccessQuery;
import io.smallrye.mutiny.Uni;

/**
 * Inside user-service the check is a lookup in the {@link AccessView}, not a call to itself: an allowance from a
 * current view stands; a denial, or any answer of a view that is not current, is decided again after a fresh poll
 * of the change feed (a 503 when none succeeds), so a grant committed on any replica counts here at once.
 */
@ApplicationScoped
public class LocalAccessPolicy implements AccessPolicy {

    private final AccessView view;
    private final AccessChangeFeed feed;

    public LocalAccessPolicy(AccessView view, AccessChangeFeed feed) {
        this.view = view;
        this.feed = feed;
    }

    @Override
    public Uni<AccessDecision> decide(AccessQuery query) {
        return feed.answer(() -> view.decide(query), AccessDecision::allowed);
    }
}
