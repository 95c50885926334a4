package dev.orgplatform.user.mapping;

import java.util.List;

import dev.orgplatform.user.Membership;
import dev.orgplatform.user.UserProfile;
import dev.orgplatform.user.UserStatus;
import dev.orgplatform.user.rest.MemberResponse;
import dev.orgplatform.user.rest.ProfileResponse;

public final class MembershipMapper {

    private MembershipMapper() {
    }

    public static MemberResponse toResponse(Membership m, List<String> teams, UserStatus status) {
        return new MemberResponse(m.userId, m.organizationId, m.role, teams, status, m.createdAt);
    }

    public static ProfileResponse toResponse(UserProfile p) {
        return new ProfileResponse(p.id, p.email, p.name, p.avatarUrl, p.timezone, p.language, p.status, p.statusReason,
                p.createdAt, p.lastLoginAt);
    }
}
