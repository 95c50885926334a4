package dev.orgplatform.org.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.OrganizationState;
import dev.orgplatform.org.client.AuthorConvergence;
import dev.orgplatform.org.client.BillingAccounts;
import dev.orgplatform.org.client.BillingServiceApi.DeletionPreconditions;
import dev.orgplatform.org.client.UserDirectory;
import dev.orgplatform.org.config.DeletionConfig;
import dev.orgplatform.org.messaging.OrganizationEvents;
import dev.orgplatform.org.repository.OrganizationRepository;
import dev.orgplatform.platform.clock.PlatformClock;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Deleting an organization: refused while any {@link DeletionRule} condition is unmet; accepted, it is
 * {@code PENDING_DELETION} (absent for everyone) for the grace period ({@link DeletionConfig#gracePeriod()}),
 * restorable by its Owner until then, and purged afterwards by {@link OrganizationPurgeJob}.
 */
@ApplicationScoped
public class OrganizationDeletionService {

    private static final Logger LOG = Logger.getLogger(OrganizationDeletionService.class);
    private static final int PURGE_BATCH = 100;

    private final OrganizationRepository organizations;
    private final OrganizationService organizationService;
    private final UserDirectory users;
    private final BillingAccounts billing;
    private final Outbox outbox;
    private final PlatformClock clock;
    private final Duration gracePeriod;
    private final AuthorConvergence convergence;

    public OrganizationDeletionService(OrganizationRepository organizations, OrganizationService organizationService, UserDirectory users,
            BillingAccounts billing, Outbox outbox, PlatformClock clock, DeletionConfig config, AuthorConvergence convergence) {
        this.convergence = convergence;
        this.organizations = organizations;
        this.organizationService = organizationService;
        this.users = users;
        this.billing = billing;
        this.outbox = outbox;
        this.clock = clock;
        this.gracePeriod = config.gracePeriod();
    }

    /**
     * Schedules the deletion once {@code confirmation} is the organization's name and every precondition
     * holds (asking user-service and billing-service); otherwise a 409 problem lists every unmet condition
     * in its {@code unmet} extension. Authorization is the caller's (Owner only).
     */
    public Uni<Organization> requestDeletion(UUID id, String confirmation, UUID requester) {
        return Panache.withSession(() -> organizationService.findAvailable(id)
                .chain(o -> {
                    if (!o.name.equals(confirmation)) {
                        throw ProblemException.badField("confirm", "must be the organization's name, typed to confirm the deletion");
                    }
                    return organizations.countChildren(id).map(children -> new Local(o, children));
                }))
                .chain(local -> Uni.combine().all()
                        .unis(users.someMembers(id, 2), billing.deletionPreconditions(id)).asTuple()
                        .map(remote -> DeletionRule.unmet(local.children(), local.organization().ownerId, remote.getItem1(),
                                remote.getItem2())))
                .chain(unmet -> {
                    if (!unmet.isEmpty()) {
                        throw refused(unmet);
                    }
                    return Panache.withTransaction(() -> schedule(id));
                })
                // answered once the others closed it too: a restore that follows is then never overtaken by this
                .call(o -> convergence.closedFor(o, requester));
    }

    private Uni<Organization> schedule(UUID id) {
        return organizationService.findAvailable(id)
                .call(() -> organizations.countChildren(id).invoke(children -> {
                    if (children > 0) { // created since the check
                        throw refused(DeletionRule.unmet(children, null, List.of(), NOTHING_BILLED));
                    }
                }))
                .chain(o -> {
                    o.state = OrganizationState.PENDING_DELETION;
                    o.purgeAfter = clock.now().plus(gracePeriod);
                    o.updatedAt = clock.now();
                    return organizations.flush().call(() -> outbox.publish(OrganizationEvents.TOPIC, EventTypes.ORGANIZATION_DELETION_SCHEDULED, id,
                            OrganizationService.subject(id), new OrganizationEvents.OrganizationDeletionScheduled(id, o.purgeAfter)))
                            .replaceWith(o);
                });
    }

    /**
     * An organization pending deletion that can still be restored; one that is not pending deletion a 409 (its caller
     * tells it only to whoever may read it), one past its grace period the same 404 as an unknown id.
     */
    public Uni<Organization> findRestorable(UUID id) {
        return Panache.withSession(() -> organizations.findById(id)).map(o -> {
            if (o == null || o.state == OrganizationState.PENDING_DELETION && !clock.now().isBefore(o.purgeAfter)) {
                throw ProblemException.notFound("organization " + id);
            }
            if (o.state != OrganizationState.PENDING_DELETION) {
                throw new ProblemException(409, "Not pending deletion", "organization " + id + " is " + o.state
                        + ": only an organization whose deletion is scheduled can be restored");
            }
            return o;
        });
    }

    /**
     * Back to ACTIVE within the grace period; publishes OrganizationRestored; once this answers, {@code restorer} can
     * use it again on every service. Authorization is the caller's (Owner).
     */
    public Uni<Organization> restore(UUID id, UUID restorer) {
        return recordRestore(id).call(o -> convergence.restoredFor(o, restorer));
    }

    private Uni<Organization> recordRestore(UUID id) {
        return Panache.withTransaction(() -> findRestorable(id).chain(o -> {
            o.state = OrganizationState.ACTIVE;
            o.purgeAfter = null;
            o.updatedAt = clock.now();
            return organizations.flush().call(() -> outbox.publish(OrganizationEvents.TOPIC, EventTypes.ORGANIZATION_RESTORED, id,
                    OrganizationService.subject(id), new OrganizationEvents.OrganizationRestored(id))).replaceWith(o);
        }));
    }

    /** Deletes the organizations whose grace period is over (a batch per call); publishes OrganizationPurged each. */
    public Uni<Integer> purgeDue() {
        return Panache.withTransaction(() -> organizations.dueForPurge(clock.now(), PURGE_BATCH).chain(due -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (Organization o : due) {
                all = all.call(() -> organizations.delete(o))
                        .call(() -> outbox.publish(OrganizationEvents.TOPIC, EventTypes.ORGANIZATION_PURGED, o.id, OrganizationService.subject(o.id),
                                new OrganizationEvents.OrganizationPurged(o.id)))
                        .invoke(() -> LOG.infof("purged organization %s (%s)", o.id, o.name));
            }
            return all.replaceWith(due.size());
        }));
    }

    private static ProblemException refused(List<DeletionRule.Unmet> unmet) {
        return new ProblemException(409, "Deletion refused", String.join("; ", unmet.stream().map(DeletionRule.Unmet::detail).toList()),
                null, Map.of("unmet", unmet));
    }

    private static final DeletionPreconditions NOTHING_BILLED = new DeletionPreconditions(0, 0, 0, true, List.of());

    private record Local(Organization organization, long children) {
    }
}
