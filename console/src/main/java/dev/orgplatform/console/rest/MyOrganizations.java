package dev.orgplatform.console.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.OrganizationsApi;
import dev.orgplatform.console.client.UsersApi;
import io.smallrye.mutiny.Uni;

/** The organizations the signed-in person belongs to, with their role and the organization's names: for the switcher. */
@ApplicationScoped
public class MyOrganizations {

    /** The switcher lists this many at most; the overview finds the rest. */
    private static final int SHOWN = 30;

    private final UsersApi users;
    private final OrganizationsApi organizations;

    public MyOrganizations(@RestClient UsersApi users, @RestClient OrganizationsApi organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    /** Each as {@code id, name, displayName, role, since}; one that cannot be read (pending deletion) is left out. */
    public Uni<List<Map<String, Object>>> list() {
        return users.myOrganizations().map(ApiAnswer::of).chain(mine -> {
            List<Object> memberships = mine.list(null).stream().limit(SHOWN).toList();
            if (memberships.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            List<Uni<Map<String, Object>>> named = new ArrayList<>();
            for (Object m : memberships) {
                @SuppressWarnings("unchecked")
                Map<String, Object> membership = (Map<String, Object>) m;
                UUID id = UUID.fromString((String) membership.get("organizationId"));
                named.add(organizations.get(id).map(ApiAnswer::of).map(org -> {
                    if (!org.ok()) {
                        return Map.<String, Object> of();
                    }
                    Map<String, Object> row = new LinkedHashMap<>(org.object());
                    row.put("role", membership.get("role"));
                    row.put("since", membership.get("since"));
                    return row;
                }));
            }
            return Uni.join().all(named).andFailFast().map(rows -> rows.stream().filter(r -> !r.isEmpty()).toList());
        });
    }
}
