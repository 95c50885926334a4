package dev.orgplatform.user.membership.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.membership.TeamMember;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TeamMemberRepository implements PanacheRepositoryBase<TeamMember, TeamMember.Key> {

    public Uni<List<TeamMember>> ofTeam(UUID teamId) {
        return list("teamId = ?1 order by userId", teamId);
    }

    /** In how many of the organization's teams the user is. */
    public Uni<Long> countTeamsOf(UUID userId, UUID organizationId) {
        return count("userId = ?1 and teamId in (select t.id from Team t where t.organizationId = ?2)", userId, organizationId);
    }

    /** How many members of the team have no other team in the organization. */
    public Uni<Long> countWithNoOtherTeam(UUID teamId, UUID organizationId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "select count(tm) from TeamMember tm where tm.teamId = :team and (select count(o) from TeamMember o, "
                        + "Team ot where o.userId = tm.userId and o.teamId = ot.id and ot.organizationId = :org) = 1", Long.class)
                .setParameter("team", teamId).setParameter("org", organizationId).getSingleResult());
    }

    public Uni<Long> deleteOfTeam(UUID teamId) {
        return delete("teamId", teamId);
    }

    /** Takes the user out of every team of the organization. */
    public Uni<Long> removeFromOrganization(UUID userId, UUID organizationId) {
        return delete("userId = ?1 and teamId in (select t.id from Team t where t.organizationId = ?2)", userId, organizationId);
    }

    public Uni<Long> deleteOfOrganization(UUID organizationId) {
        return delete("teamId in (select t.id from Team t where t.organizationId = ?1)", organizationId);
    }

    /** Removes one team membership by query, never the session's remove (see platform's DeleteAsRead). */
    public Uni<Long> remove(TeamMember tm) {
        return delete("teamId = ?1 and userId = ?2", tm.teamId, tm.userId);
    }
}
