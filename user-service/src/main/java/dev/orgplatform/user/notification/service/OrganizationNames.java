package dev.orgplatform.user.notification.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.membership.repository.OrganizationNodeRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** How a notification names an organization: its display name as org-service's events told it, else its id. */
@ApplicationScoped
public class OrganizationNames {

    private final OrganizationNodeRepository nodes;

    public OrganizationNames(OrganizationNodeRepository nodes) {
        this.nodes = nodes;
    }

    /** For each of {@code ids}: {@code "Acme"} (quoted), or {@code organization <id>} while its name is not known here. */
    public Uni<Function<UUID, String>> of(List<UUID> ids) {
        return Panache.withSession(() -> nodes.displayNames(ids)).map(OrganizationNames::naming);
    }

    static Function<UUID, String> naming(Map<UUID, String> names) {
        return id -> names.containsKey(id) ? "\"" + names.get(id) + "\"" : "organization " + id;
    }
}
