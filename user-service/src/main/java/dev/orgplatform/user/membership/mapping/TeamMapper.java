package dev.orgplatform.user.membership.mapping;

import dev.orgplatform.user.membership.Team;
import dev.orgplatform.user.membership.TeamMember;
import dev.orgplatform.user.membership.rest.TeamMemberResponse;
import dev.orgplatform.user.membership.rest.TeamResponse;

public final class TeamMapper {

    private TeamMapper() {
    }

    public static TeamResponse toResponse(Team t) {
        return new TeamResponse(t.id, t.name);
    }

    public static TeamMemberResponse toResponse(TeamMember m) {
        return new TeamMemberResponse(m.teamId, m.userId, m.teamRole);
    }
}
