package dev.orgplatform.user.mapping;

import dev.orgplatform.user.Membership;
import dev.orgplatform.user.rest.MemberResponse;

public final class MembershipMapper {

    private MembershipMapper() {
    }

    public static MemberResponse toResponse(Membership m) {
        return new MemberResponse(m.userId, m.organizationId, m.role, m.createdAt);
    }
}
