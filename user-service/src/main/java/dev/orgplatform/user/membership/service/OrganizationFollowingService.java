package dev.orgplatform.user.membership.service;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.platform.events.InboundEvent;
import dev.orgplatform.platform.inbox.ProcessedEvents;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.service.AccessChangeFeed;
import dev.orgplatform.user.client.Keycloak;
import dev.orgplatform.user.sso.service.KeycloakSync;
import dev.orgplatform.user.sso.service.SsoConnectionService;
import dev.orgplatform.user.membership.TeamMember;
import dev.orgplatform.user.membership.messaging.OrganizationEvent;
import dev.orgplatform.user.membership.repository.MembershipRepository;
import dev.orgplatform.user.membership.repository.OrganizationNodeRepository;
import dev.orgplatform.user.membership.repository.ProductPermissionRepository;
import dev.orgplatform.user.membership.repository.TeamMemberRepository;
import dev.orgplatform.user.membership.repository.TeamRepository;
import dev.orgplatform.user.session.repository.MemberSuspensionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Follows org-service: the tree (creation, moves), its lifecycle (pending deletion grants nothing, restored grants
 * again, purged is deleted), ownership transfers and the 2FA setting. Each event takes effect exactly once, and
 * each organization fact only when the event is newer for that fact than the one that set it (its sequence):
 * decided in the database, never from the in-memory view. Every replica's view follows from the change feed (this
 * one before the next event is taken); Keycloak after that.
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
    private final MemberSuspensionRepository suspensions;
    private final ProcessedEvents processed;
    private final AccessChangeFeed feed;
    private final Keycloak keycloak;

    private final SsoConnectionService ssoConnections;
    private final KeycloakSync keycloakSync;

    public OrganizationFollowingService(OrganizationNodeRepository nodes, MembershipRepository memberships,
            TeamRepository teamRepository, TeamMemberRepository teamMembers, ProductPermissionRepository grants,
            MembershipService membershipService, MemberAdmission admission, TeamService teams,
            MemberSuspensionRepository suspensions, ProcessedEvents processed, AccessChangeFeed feed, Keycloak keycloak,
            SsoConnectionService ssoConnections, KeycloakSync keycloakSync) {
        this.ssoConnections = ssoConnections;
        this.keycloakSync = keycloakSync;
        this.nodes = nodes;
        this.memberships = memberships;
        this.teamRepository = teamRepository;
        this.teamMembers = teamMembers;
        this.grants = grants;
        this.membershipService = membershipService;
        this.admission = admission;
        this.teams = teams;
        this.suspensions = suspensions;
        this.processed = processed;
        this.feed = feed;
        this.keycloak = keycloak;
    }

    /** The creator of a top-level organization becomes its Owner, in its team "My Team"; a sub-organization gets an empty "My Team". */
    public Uni<Void> created(InboundEvent event, OrganizationEvent created) {
        long version = event.sequence();
        return inTransaction(event, () -> nodes.create(created.organizationId(), created.parentId(), version)
                .call(() -> nodes.rename(created.organizationId(), created.displayName(), version)).chain(made -> {
            if (!made) {
                return Uni.createFrom().voidItem();
            }
            if (created.parentId() != null) {
                return teams.defaultTeam(created.organizationId()); // members come from ancestors and invitations
            }
            return admission.admit(owner(created.organizationId(), created.ownerId(), created.ownerEmail()));
        }));
    }

    /** A new display name; an older event (a redelivery after a later rename) changes nothing. */
    public Uni<Void> renamed(InboundEvent event, UUID organizationId, String displayName) {
        long version = event.sequence();
        return inTransaction(event, () -> nodes.rename(organizationId, displayName, version));
    }

    public Uni<Void> moved(InboundEvent event, OrganizationEvent moved) {
        long version = event.sequence();
        return inTransaction(event, () -> nodes.move(moved.organizationId(), moved.newParentId(), version));
    }

    /** Pending deletion or restored: an older event (a restore re-driven after a later deletion) changes nothing. */
    public Uni<Void> availability(InboundEvent event, UUID organizationId, boolean available) {
        long version = event.sequence();
        return inTransaction(event, () -> nodes.setAvailable(organizationId, available, version));
    }

    /** Purged for good: its memberships, teams, product rights, SSO and node are deleted (no event per member: the organization is gone). */
    public Uni<Void> purged(InboundEvent event, UUID organizationId) {
        return inTransaction(event, () -> teamMembers.deleteOfOrganization(organizationId)
                .chain(() -> teamRepository.deleteOfOrganization(organizationId))
                .chain(() -> grants.deleteOfOrganization(organizationId))
                .chain(() -> suspensions.deleteOfOrganization(organizationId))
                .chain(() -> memberships.deleteOfOrganization(organizationId))
                .chain(() -> ssoConnections.organizationPurged(organizationId))
                .chain(() -> nodes.deleteById(organizationId)))
                .call(() -> keycloakSync.now(organizationId)); // after the commit; on failure the sync's timer retries
    }

    /** The new Owner becomes OWNER (a member already, or admitted as one), the previous Owner ADMIN. */
    public Uni<Void> ownershipTransferred(InboundEvent event, OrganizationEvent transfer) {
        UUID org = transfer.organizationId();
        return inTransaction(event, () -> memberships.membershipOf(org, transfer.previousOwnerId())
                .call(previous -> previous == null || previous.role != Role.OWNER ? Uni.createFrom().voidItem()
                        : membershipService.setRole(previous, Role.ADMIN))
                .chain(() -> memberships.membershipOf(org, transfer.newOwnerId()))
                .chain(next -> next != null ? membershipService.setRole(next, Role.OWNER)
                        : admission.admit(owner(org, transfer.newOwnerId(), null))));
    }

    /**
     * The organization's own security settings: 2FA, the addresses it admits and how old a login may be (the check
     * holds the strictest along the ancestors). When 2FA holds there (own or inherited), everyone with a role in it who
     * has no OTP credential must enrol at next login; until their token shows a second factor the check denies.
     */
    public Uni<Void> settingsChanged(InboundEvent event, UUID organizationId, boolean enforce2fa, List<String> ipAllowlist,
            Integer maxSessionMinutes) {
        long version = event.sequence();
        return inTransaction(event, () -> nodes.setSecurity(organizationId, enforce2fa, ipAllowlist, maxSessionMinutes, version))
                // after the commit and on every retry: Keycloak's side is idempotent
                .chain(() -> usersToEnrol(organizationId))
                .chain(this::requireEnrolment);
    }

    /** Everyone concerned when 2FA holds in the organization (as the database has it now), else nobody. */
    @WithSession
    Uni<List<UUID>> usersToEnrol(UUID organizationId) {
        return nodes.enforces2fa(organizationId)
                .chain(enforced -> enforced ? memberships.usersConcernedBy(organizationId) : Uni.createFrom().item(List.of()));
    }

    /** An Owner joins as the admin of "My Team". */
    private static MemberAdmission.Admission owner(UUID organizationId, UUID userId, String email) {
        return new MemberAdmission.Admission(organizationId, userId, email, null, Role.OWNER, List.of(),
                TeamMember.TeamRole.TEAM_ADMIN);
    }

    private Uni<Void> requireEnrolment(List<UUID> users) {
        return Multi.createFrom().iterable(users)
                .onItem().transformToUniAndConcatenate(keycloak::requireTotpUnlessEnrolled)
                .collect().with(Collectors.counting())
                .invoke(n -> LOG.debugf("2FA enforcement checked %d users", n)).replaceWithVoid();
    }

    /** The effect exactly once; once committed, this replica's view shows it before the next event is taken. */
    Uni<Void> inTransaction(InboundEvent event, Supplier<Uni<?>> effect) {
        return record(event, effect).chain(applied -> applied ? feed.awaitApplied() : Uni.createFrom().voidItem());
    }

    @WithTransaction
    Uni<Boolean> record(InboundEvent event, Supplier<Uni<?>> effect) {
        return processed.once(CONSUMER, event, effect);
    }
}
