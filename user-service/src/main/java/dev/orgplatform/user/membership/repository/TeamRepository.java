package dev.orgplatform.user.membership.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.persistence.DeleteAsRead;
import dev.orgplatform.user.membership.Team;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<Team, UUID> {

    public Uni<List<Team>> ofOrganization(UUID organizationId) {
        return list("organizationId = ?1 order by name", organizationId);
    }

    /** The team, or null when it does not exist in that organization. */
    public Uni<Team> inOrganization(UUID organizationId, UUID teamId) {
        return find("id = ?1 and organizationId = ?2", teamId, organizationId).firstResult();
    }

    /** The organization's team of that name, or null. */
    public Uni<Team> named(UUID organizationId, String name) {
        return find("organizationId = ?1 and name = ?2", organizationId, name).firstResult();
    }

    /** The names of each user's teams in the organization, alphabetically. */
    public Uni<Map<UUID, List<String>>> teamNamesOf(UUID organizationId, List<UUID> users) {
        if (users.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery("select tm.userId, t.name from TeamMember tm, Team t "
                + "where t.id = tm.teamId and t.organizationId = :org and tm.userId in :users order by t.name", Object[].class)
                .setParameter("org", organizationId).setParameter("users", users).getResultList())
                .map(rows -> {
                    Map<UUID, List<String>> byUser = new HashMap<>();
                    rows.forEach(r -> byUser.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((String) r[1]));
                    return byUser;
                });
    }

    public Uni<Long> deleteOfOrganization(UUID organizationId) {
        return delete("organizationId", organizationId);
    }

    /** Deletes the team as read (its version), by query ({@link DeleteAsRead}). */
    public Uni<Void> deleteAsRead(Team t) {
        return DeleteAsRead.delete(this, "team", t.id, t.version);
    }
}
