package dev.orgplatform.user.membership.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.inbox.ProcessedEvents;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.service.AccessView;
import dev.orgplatform.user.membership.Membership;
import dev.orgplatform.user.membership.TeamMember;
import dev.orgplatform.user.membership.messaging.InvitationAccepted;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * An accepted invitation makes the person a member with the invited role, in the invited teams
 * ({@link MemberAdmission}). Exactly once per event; an existing member keeps their role.
 */
@ApplicationScoped
public class InvitationAcceptanceService {

    static final String CONSUMER = "user-service/invitations";

    private final MemberAdmission admission;
    private final ProcessedEvents processed;
    private final AccessView view;

    public InvitationAcceptanceService(MemberAdmission admission, ProcessedEvents processed, AccessView view) {
        this.admission = admission;
        this.processed = processed;
        this.view = view;
    }

    public Uni<Void> accepted(InboundEvent event, InvitationAccepted accepted, Role role) {
        Membership[] admitted = new Membership[1];
        return record(event, accepted, role, admitted).invoke(() -> {
            if (admitted[0] != null) {
                view.putRole(admitted[0].organizationId, admitted[0].userId, admitted[0].role);
            }
        });
    }

    @WithTransaction
    Uni<Void> record(InboundEvent event, InvitationAccepted accepted, Role role, Membership[] admitted) {
        return processed.once(CONSUMER, event, () -> admission.admit(new MemberAdmission.Admission(accepted.organizationId(),
                accepted.userId(), accepted.email(), accepted.name(), role, accepted.teams(), TeamMember.TeamRole.MEMBER))
                .invoke(m -> admitted[0] = m)).replaceWithVoid();
    }
}
