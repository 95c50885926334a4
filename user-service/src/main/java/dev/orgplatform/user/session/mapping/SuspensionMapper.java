package dev.orgplatform.user.session.mapping;

import dev.orgplatform.user.session.MemberSuspension;
import dev.orgplatform.user.session.rest.MemberSuspensionResponse;

public final class SuspensionMapper {

    private SuspensionMapper() {
    }

    public static MemberSuspensionResponse toResponse(MemberSuspension s) {
        return new MemberSuspensionResponse(s.organizationId, s.userId, s.reason, s.suspendedBy, s.suspendedAt);
    }
}
