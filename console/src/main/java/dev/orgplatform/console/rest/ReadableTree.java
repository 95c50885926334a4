package dev.orgplatform.console.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.OrganizationsApi;
import dev.orgplatform.console.mapping.Branch;
import io.smallrye.mutiny.Uni;

/**
 * The tree a page draws around an organization: the highest one the signed-in person may read, the root's, else the
 * nearest ancestor's, else the organization's own.
 */
@ApplicationScoped
public class ReadableTree {

    private final OrganizationsApi organizations;

    public ReadableTree(@RestClient OrganizationsApi organizations) {
        this.organizations = organizations;
    }

    public Uni<Branch> around(UUID id) {
        return organizations.ancestors(id).map(ApiAnswer::of).chain(ancestors -> {
            List<UUID> tops = new ArrayList<>();
            ancestors.list(null).forEach(a -> tops.add(UUID.fromString(String.valueOf(((Map<?, ?>) a).get("id")))));
            tops.add(id);
            return readable(tops, 0);
        });
    }

    private Uni<Branch> readable(List<UUID> tops, int from) {
        return organizations.subtree(tops.get(from)).map(ApiAnswer::of).chain(answer -> answer.ok() || from == tops.size() - 1
                ? Uni.createFrom().item(Branch.of(answer.object()))
                : readable(tops, from + 1));
    }
}
