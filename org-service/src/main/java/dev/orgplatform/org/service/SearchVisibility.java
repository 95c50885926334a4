package dev.orgplatform.org.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.OrganizationState;
import dev.orgplatform.org.client.UserDirectory;
import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Which search candidates the caller may read: the one place search asks user-service, one {@code check-batch}
 * call per chunk, until issue 13 replaces it with a membership projection. Every other endpoint goes through
 * the platform's AccessGate instead. An API key narrows each question here as the gate would (check-batch
 * answers for the user alone). An organization pending deletion is unavailable to user-service: it is listed
 * only to its stored Owner.
 */
@ApplicationScoped
public class SearchVisibility {

    static final String PERMISSION = "organization:read";

    private final UserDirectory users;
    private final Caller caller;

    public SearchVisibility(UserDirectory users, Caller caller) {
        this.users = users;
        this.caller = caller;
    }

    /** The candidates (all in one state) the caller may read, in their order. */
    public Uni<List<Organization>> readable(List<Organization> candidates) {
        List<Organization> asked = new ArrayList<>();
        List<AccessQuery> queries = new ArrayList<>();
        for (Organization o : candidates) {
            AccessQuery q = caller.may(PERMISSION, o.id);
            if (q.apiKeyRefusal() == null) {
                asked.add(o);
                queries.add(q);
            }
        }
        if (asked.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (asked.get(0).state == OrganizationState.PENDING_DELETION) {
            return Uni.createFrom().item(asked.stream().filter(o -> caller.userId().equals(o.ownerId)).toList());
        }
        return users.checkBatch(queries).map(decisions -> {
            List<Organization> visible = new ArrayList<>();
            for (int i = 0; i < asked.size(); i++) {
                AccessDecision d = i < decisions.size() ? decisions.get(i) : null;
                if (d != null && d.allowed()) {
                    visible.add(asked.get(i));
                }
            }
            return visible;
        });
    }
}
