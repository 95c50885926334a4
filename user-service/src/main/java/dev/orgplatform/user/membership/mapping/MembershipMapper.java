package dev.orgplatform.user.membership.mapping;

import dev.orgplatform.user.membership.Membership;
import dev.orgplatform.user.membership.rest.MemberResponse;
import dev.orgplatform.user.membership.service.MembershipService;

public final class MembershipMapper {

    private MembershipMapper() {
    }

    public static MemberResponse toResponse(MembershipService.Member member) {
        Membership m = member.membership();
        return new MemberResponse(m.userId, member.name(), member.email(), m.organizationId, m.role, member.teams(), member.status(),
                m.createdAt);
    }
}
