package dev.orgplatform.org.service;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.OrganizationState;
import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Which search candidates the caller may read, asked of the {@link AccessGate} in one question per chunk (an API key
 * narrows each: a key bound to A lists only A). An organization pending deletion is unavailable to the check: a
 * root is listed only to its Owner, a sub-organization to nobody ({@link ManagedFromAbove}).
 */
@ApplicationScoped
public class SearchVisibility {

    static final String PERMISSION = "organization:read";

    private final AccessGate gate;
    private final Caller caller;

    public SearchVisibility(AccessGate gate, Caller caller) {
        this.gate = gate;
        this.caller = caller;
    }

    /** The candidates (all in one state) the caller may read, in their order. */
    public Uni<List<Organization>> readable(List<Organization> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (candidates.get(0).state == OrganizationState.PENDING_DELETION) {
            return restorable(candidates);
        }
        return gate.permitted(PERMISSION, candidates.stream().map(o -> o.id).toList()).map(ids -> {
            Set<UUID> permitted = new HashSet<>(ids);
            return candidates.stream().filter(o -> permitted.contains(o.id)).toList();
        });
    }

    /**
     * What is pending deletion is listed to whoever may restore it: a root to its Owner, a sub-organization to those
     * who manage its parent; never to an API key.
     */
    private Uni<List<Organization>> restorable(List<Organization> candidates) {
        if (caller.apiKey() != null) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> parents = candidates.stream().filter(o -> o.parentId != null).map(o -> o.parentId).distinct().toList();
        Uni<List<UUID>> managed = parents.isEmpty() ? Uni.createFrom().item(List.of())
                : gate.permitted(ManagedFromAbove.ON_PARENT, parents);
        return managed.map(ids -> {
            Set<UUID> permitted = new HashSet<>(ids);
            return candidates.stream().filter(o -> ManagedFromAbove.restoredUnasked(o, caller.userId())
                    || o.parentId != null && permitted.contains(o.parentId)).toList();
        });
    }
}
