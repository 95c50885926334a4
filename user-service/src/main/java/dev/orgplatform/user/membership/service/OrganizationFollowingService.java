package dev.orgplatform.user.membership.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.inbox.ProcessedEvents;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.service.AccessView;
import dev.orgplatform.user.client.Keycloak;
import dev.orgplatform.user.membership.OrganizationNode;
import dev.orgplatform.user.membership.TeamMember;
import dev.orgplatform.user.membership.messaging.OrganizationEvent;
import dev.orgplatform.user.membership.repository.MembershipRepository;
import dev.orgplatform.user.membership.repository.OrganizationNodeRepository;
import dev.orgplatform.user.membership.repository.ProductPermissionRepository;
import dev.orgplatform.user.membership.repository.TeamMemberRepository;
import dev.orgplatform.user.membership.repository.TeamRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Follows org-service: the tree (creation, moves), its lifecycle (pending deletion grants nothing, restored grants
 * again, purged is deleted), ownership transfers and the 2FA setting. Each event takes effect exactly once; the
 * view follows after the commit, and Keycloak after that.
 */
@ApplicationScoped
public class OrganizationFollowingService {

    static final String CONSUMER = "user-service/organizations";
    private static final Logger LOG = Logger.getLogger(OrganizationFollowingService.class);

    private final OrganizationNodeRepository nodes;
    private final MembershipRepository memberships;
    private final TeamRepository teamRepository;
    private final TeamMemberRepository teamMembers;
    private final ProductPermissionRepository grants;
    private final MembershipService membershipService;
    private final MemberAdmission admission;
    private final TeamService teams;
    private final ProcessedEvents processed;
    private final AccessView view;
    private final Keycloak keycloak;

    public OrganizationFollowingService(OrganizationNodeRepository nodes, MembershipRepository memberships,
            TeamRepository teamRepository, TeamMemberRepository teamMembers, ProductPermissionRepository grants,
            MembershipService membershipService, MemberAdmission admission, TeamService teams, ProcessedEvents processed,
            AccessView view, Keycloak keycloak) {
        this.nodes = nodes;
        this.memberships = memberships;
        this.teamRepository = teamRepository;
        this.teamMembers = teamMembers;
        this.grants = grants;
        this.membershipService = membershipService;
        this.admission = admission;
        this.teams = teams;
        this.processed = processed;
        this.view = view;
        this.keycloak = keycloak;
    }

    /** The creator of a top-level organization becomes its Owner, in its team "My Team"; a sub-organization gets an empty "My Team". */
    public Uni<Void> created(InboundEvent event, OrganizationEvent created) {
        return recordCreated(event, created).invoke(applied -> {
            view.putOrganization(created.organizationId(), created.parentId(), true);
            if (applied && created.parentId() == null) {
                view.putRole(created.organizationId(), created.ownerId(), Role.OWNER);
            }
        }).replaceWithVoid();
    }

    @WithTransaction
    Uni<Boolean> recordCreated(InboundEvent event, OrganizationEvent created) {
        return processed.once(CONSUMER, event, () -> {
            OrganizationNode node = new OrganizationNode();
            node.id = created.organizationId();
            node.parentId = created.parentId();
            node.available = true;
            Uni<?> tree = nodes.persist(node);
            if (created.parentId() != null) {
                return tree.chain(() -> teams.defaultTeam(created.organizationId())); // members come from ancestors and invitations
            }
            return tree.chain(() -> admission.admit(owner(created.organizationId(), created.ownerId(), created.ownerEmail())));
        });
    }

    public Uni<Void> moved(InboundEvent event, OrganizationEvent moved) {
        return inTransaction(event, () -> nodes.findById(moved.organizationId()).invoke(n -> {
            if (n != null) {
                n.parentId = moved.newParentId();
            }
        })).invoke(() -> view.moveOrganization(moved.organizationId(), moved.newParentId()));
    }

    public Uni<Void> availability(InboundEvent event, UUID organizationId, boolean available) {
        return inTransaction(event, () -> nodes.findById(organizationId).invoke(n -> {
            if (n != null) {
                n.available = available;
            }
        })).invoke(() -> view.setAvailable(organizationId, available));
    }

    /** Purged for good: its memberships, teams, product rights and node are deleted (no event per member: the organization is gone). */
    public Uni<Void> purged(InboundEvent event, UUID organizationId) {
        return inTransaction(event, () -> teamMembers.deleteOfOrganization(organizationId)
                .chain(() -> teamRepository.deleteOfOrganization(organizationId))
                .chain(() -> grants.deleteOfOrganization(organizationId))
                .chain(() -> memberships.deleteOfOrganization(organizationId))
                .chain(() -> nodes.deleteById(organizationId)))
                .invoke(() -> view.removeOrganization(organizationId));
    }

    /** The new Owner becomes OWNER (a member already, or admitted as one), the previous Owner ADMIN. */
    public Uni<Void> ownershipTransferred(InboundEvent event, OrganizationEvent transfer) {
        UUID org = transfer.organizationId();
        return inTransaction(event, () -> memberships.membershipOf(org, transfer.previousOwnerId())
                .call(previous -> previous == null || previous.role != Role.OWNER ? Uni.createFrom().voidItem()
                        : membershipService.setRole(previous, Role.ADMIN))
                .chain(() -> memberships.membershipOf(org, transfer.newOwnerId()))
                .chain(next -> next != null ? membershipService.setRole(next, Role.OWNER)
                        : admission.admit(owner(org, transfer.newOwnerId(), null))))
                .invoke(() -> {
                    if (view.roleIn(org, transfer.previousOwnerId()) == Role.OWNER) {
                        view.putRole(org, transfer.previousOwnerId(), Role.ADMIN);
                    }
                    view.putRole(org, transfer.newOwnerId(), Role.OWNER);
                });
    }

    /**
     * The organization's own "enforce 2FA" setting. When 2FA holds there (own or inherited), everyone with a role in it
     * who has no OTP credential must enrol at next login; until their token shows a second factor the check denies.
     */
    public Uni<Void> settingsChanged(InboundEvent event, UUID organizationId, boolean enforce2fa) {
        return inTransaction(event, () -> nodes.findById(organizationId).invoke(n -> {
            if (n != null) {
                n.enforce2fa = enforce2fa;
            }
        })).invoke(() -> view.setEnforce2fa(organizationId, enforce2fa))
                // after the commit and on every retry: Keycloak's side is idempotent
                .chain(() -> view.enforces2fa(organizationId) ? requireEnrolment(view.usersConcernedBy(organizationId))
                        : Uni.createFrom().voidItem());
    }

    /** An Owner joins as the admin of "My Team". */
    private static MemberAdmission.Admission owner(UUID organizationId, UUID userId, String email) {
        return new MemberAdmission.Admission(organizationId, userId, email, null, Role.OWNER, List.of(),
                TeamMember.TeamRole.TEAM_ADMIN);
    }

    private Uni<Void> requireEnrolment(Set<UUID> users) {
        return Multi.createFrom().iterable(users)
                .onItem().transformToUniAndConcatenate(keycloak::requireTotpUnlessEnrolled)
                .collect().with(Collectors.counting())
                .invoke(n -> LOG.debugf("2FA enforcement checked %d users", n)).replaceWithVoid();
    }

    @WithTransaction
    Uni<Void> inTransaction(InboundEvent event, Supplier<Uni<?>> effect) {
        return processed.once(CONSUMER, event, effect).replaceWithVoid();
    }
}
