package dev.orgplatform.user.membership.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.inbox.ProcessedEvents;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.service.AccessChangeFeed;
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
    private final AccessChangeFeed feed;

    public InvitationAcceptanceService(MemberAdmission admission, ProcessedEvents processed, AccessChangeFeed feed) {
        this.admission = admission;
        this.processed = processed;
        this.feed = feed;
    }

    /** Once committed, this replica's view shows the membership before the next event is taken. */
    public Uni<Void> accepted(InboundEvent event, InvitationAccepted accepted, Role role) {
        return record(event, accepted, role).chain(applied -> applied ? feed.awaitApplied() : Uni.createFrom().voidItem());
    }

    @WithTransaction
    Uni<Boolean> record(InboundEvent event, InvitationAccepted accepted, Role role) {
        return processed.once(CONSUMER, event, () -> admission.admit(new MemberAdmission.Admission(accepted.organizationId(),
                accepted.userId(), accepted.email(), accepted.name(), role, accepted.teams(), TeamMember.TeamRole.MEMBER)));
    }
}
