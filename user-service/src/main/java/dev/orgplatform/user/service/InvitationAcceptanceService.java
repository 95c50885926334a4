package dev.orgplatform.user.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.inbox.ProcessedEvents;
import dev.orgplatform.user.Membership;
import dev.orgplatform.user.Role;
import dev.orgplatform.user.TeamMember;
import dev.orgplatform.user.messaging.InvitationAccepted;
import dev.orgplatform.user.repository.MembershipRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * An accepted invitation makes the person a member with the invited role, in the invited teams (by name; a name the
 * organization does not have puts them in "My Team"). Exactly once per event; an existing member keeps their role.
 */
@ApplicationScoped
public class InvitationAcceptanceService {

    static final String CONSUMER = "user-service/invitations";

    private final MembershipRepository memberships;
    private final MembershipService membershipService;
    private final TeamService teams;
    private final UserProfileService profiles;
    private final ProcessedEvents processed;
    private final AccessView view;

    public InvitationAcceptanceService(MembershipRepository memberships, MembershipService membershipService, TeamService teams,
            UserProfileService profiles, ProcessedEvents processed, AccessView view) {
        this.memberships = memberships;
        this.membershipService = membershipService;
        this.teams = teams;
        this.profiles = profiles;
        this.processed = processed;
        this.view = view;
    }

    public Uni<Void> accepted(InboundEvent event, InvitationAccepted accepted, Role role) {
        Membership[] granted = new Membership[1];
        return record(event, accepted, role, granted).invoke(() -> {
            if (granted[0] != null) {
                view.putRole(granted[0].organizationId, granted[0].userId, granted[0].role);
            }
        });
    }

    @WithTransaction
    Uni<Void> record(InboundEvent event, InvitationAccepted accepted, Role role, Membership[] granted) {
        return processed.once(CONSUMER, event, () -> profiles.ensureProfile(accepted.userId(), accepted.email(), accepted.name())
                .chain(() -> memberships.find("organizationId = ?1 and userId = ?2", accepted.organizationId(), accepted.userId())
                        .<Membership>firstResult())
                .chain(existing -> existing != null ? Uni.createFrom().item(existing)
                        : membershipService.grant(accepted.organizationId(), accepted.userId(), role)
                                .invoke(m -> granted[0] = m))
                .chain(() -> {
                    List<String> names = accepted.teams() == null || accepted.teams().isEmpty() ? List.of("My Team") : accepted.teams();
                    return Multi.createFrom().iterable(names)
                            .onItem().transformToUniAndConcatenate(name -> teams.namedOrDefault(accepted.organizationId(), name)
                                    .chain(team -> teams.join(team, accepted.userId(), TeamMember.TeamRole.MEMBER)))
                            .collect().asList();
                })).replaceWithVoid();
    }
}
