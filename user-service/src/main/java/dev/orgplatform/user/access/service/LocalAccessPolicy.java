package dev.orgplatform.user.access.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.AccessQuery;
import io.smallrye.mutiny.Uni;

/** Inside user-service the check is a lookup in the {@link AccessView}, not a call to itself. */
@ApplicationScoped
public class LocalAccessPolicy implements AccessPolicy {

    private final AccessView view;

    public LocalAccessPolicy(AccessView view) {
        this.view = view;
    }

    @Override
    public Uni<AccessDecision> decide(AccessQuery query) {
        return Uni.createFrom().item(view.decide(query));
    }
}
