package dev.orgplatform.org.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.client.AuthorConvergence;
import dev.orgplatform.org.client.BillingAccounts;
import dev.orgplatform.org.config.SubOrganizationConfig;
import dev.orgplatform.org.messaging.OrganizationEvents;
import dev.orgplatform.org.repository.OrganizationRepository;
import dev.orgplatform.platform.client.Quotas;
import dev.orgplatform.platform.client.ReservationKeys;
import dev.orgplatform.platform.events.EventTypes;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.FieldError;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The organization tree ({@link TreeDepth} levels at most): sub-organizations, their listing, and moving a
 * subtree within its root tree. Changes to one tree are serialized by locking its root row, so two concurrent
 * moves can never build a cycle or pass the depth limit.
 */
@ApplicationScoped
public class OrganizationTreeService {

    private final OrganizationRepository organizations;
    private final OrganizationService organizationService;
    private final Outbox outbox;
    private final AuthorConvergence convergence;
    private final Quotas quotas;
    private final BillingAccounts billing;
    private final SubOrganizationConfig subOrganizations;

    public OrganizationTreeService(OrganizationRepository organizations, OrganizationService organizationService, Outbox outbox,
            AuthorConvergence convergence, Quotas quotas, BillingAccounts billing, SubOrganizationConfig subOrganizations) {
        this.convergence = convergence;
        this.quotas = quotas;
        this.billing = billing;
        this.subOrganizations = subOrganizations;
        this.organizations = organizations;
        this.organizationService = organizationService;
        this.outbox = outbox;
    }

    /**
     * A sub-organization under {@code parentId}; its region is the parent's. It takes one unit of its tree's
     * subOrganizations at billing-service, where a plan without sub-organizations has none to give (409 "Not in plan",
     * naming the plan). Once this answers, its creator can use it on every service.
     */
    public Uni<Organization> createChild(UUID parentId, NewOrganization request, UUID creator, String creatorEmail) {
        UUID id = UUID.randomUUID();
        return Uni.createFrom().item(() -> SubOrganizationType.of(request.type(), subOrganizations.types())).chain(type -> {
            NewOrganization typed = new NewOrganization(request.name(), request.displayName(), request.description(),
                    request.contactEmail(), request.region(), request.country(), type);
            return placeable(parentId, request)
                    .call(parent -> SubOrganizationType.needsPlanFeature(type, subOrganizations.types())
                            ? billing.requireFeature(parent.rootId, SubOrganizationType.FEATURE, "a sub-organization of type " + type)
                            : Uni.createFrom().voidItem())
                    .chain(() -> quotas.hold(parentId, ReservationKeys.SUB_ORGANIZATIONS, ReservationKeys.subOrganization(id),
                            reservation -> recordChild(id, reservation, parentId, typed, creator, creatorEmail)));
        }).call(o -> convergence.usableBy(o, creator));
    }

    /** The types a sub-organization may have, the default first. */
    public List<String> subOrganizationTypes() {
        return subOrganizations.types();
    }

    /** Refuses what would be refused anyway before a unit is reserved for it (checked again under the tree's lock). */
    @WithSession
    Uni<Organization> placeable(UUID parentId, NewOrganization request) {
        return organizationService.findAvailable(parentId).invoke(parent -> requirePlaceable(parent, request));
    }

    @WithTransaction
    Uni<Organization> recordChild(UUID id, UUID reservationId, UUID parentId, NewOrganization request, UUID creator,
            String creatorEmail) {
        return organizationService.findAvailable(parentId)
                .call(this::lockTree)
                .chain(parent -> {
                    requirePlaceable(parent, request);
                    NewOrganization inParentRegion = new NewOrganization(request.name(), request.displayName(), request.description(),
                            request.contactEmail(), parent.region, request.country() == null ? parent.country : request.country(),
                            request.type());
                    return organizationService.create(id, inParentRegion, parent, reservationId, creator, creatorEmail);
                });
    }

    private static void requirePlaceable(Organization parent, NewOrganization request) {
        TreeDepth.requireRoomBelow(parent.name, parent.depth);
        if (request.region() != null && request.region() != parent.region) {
            throw ProblemException.badField("region", "must be the parent's region " + parent.region);
        }
    }

    /** Available children of an organization (of {@code type}, null: any), by name; {@code cursor} from the previous page. */
    @WithSession
    public Uni<Page<Organization>> children(UUID parentId, String type, int limit, String cursor) {
        String after = Cursor.decodeKey(cursor);
        return organizationService.findAvailable(parentId)
                .chain(() -> organizations.children(parentId, type == null || type.isBlank() ? null
                        : SubOrganizationType.of(type, subOrganizations.types()), after, limit + 1))
                .map(rows -> Page.of(rows, limit, o -> Cursor.encode(o.name)));
    }

    /** The ancestors of an organization, root first. */
    @WithSession
    public Uni<List<Organization>> ancestors(UUID id) {
        return organizationService.findAvailable(id).chain(() -> organizations.ancestors(id))
                .map(up -> up.stream().sorted((a, b) -> Integer.compare(a.depth, b.depth)).toList());
    }

    /** The organization with every available organization beneath it. */
    @WithSession
    public Uni<Subtree> subtree(UUID id) {
        return organizationService.findAvailable(id).chain(() -> organizations.subtree(id))
                .map(all -> Subtree.asStored(id, all.stream().filter(Organization::isAvailable).toList()));
    }

    /**
     * Moves the subtree of {@code id} under {@code newParentId} in the same root tree, carrying everything
     * beneath it; {@code dryRun} only answers the resulting subtree. Refused when the target is the subtree
     * itself or inside it, in another root tree, or when the subtree's deepest level would pass
     * {@link TreeDepth}'s limit. Moving back to the previous parent reverses a move.
     */
    @WithTransaction
    public Uni<Move> move(UUID id, UUID newParentId, boolean dryRun) {
        return organizationService.findAvailable(id)
                .call(node -> dryRun ? Uni.createFrom().voidItem() : lockTree(node))
                .chain(node -> organizationService.findAvailable(newParentId)
                        .chain(target -> organizations.subtree(id).map(subtree -> plan(node, target, subtree)))
                        .chain(plan -> dryRun ? Uni.createFrom().item(plan.result(true)) : apply(plan).replaceWith(plan.result(false))));
    }

    /** Serializes the changes of {@code member}'s tree; it is re-read, and must still be available. */
    private Uni<Void> lockTree(Organization member) {
        return organizations.lockTreeOf(member).invoke(() -> {
            if (!member.isAvailable()) {
                throw ProblemException.notFound("organization " + member.id);
            }
        }).replaceWithVoid();
    }

    private static MovePlan plan(Organization node, Organization target, List<Organization> subtree) {
        if (node.parentId == null) {
            throw refused("a top-level organization cannot be moved: it would leave its root tree");
        }
        if (!target.rootId.equals(node.rootId)) {
            throw refused("'" + target.name + "' is in another root tree: organizations move only within their own tree");
        }
        if (subtree.stream().anyMatch(o -> o.id.equals(target.id))) {
            throw refused("'" + target.name + "' is " + (target.id.equals(node.id) ? "the organization itself" : "inside the subtree being moved")
                    + ": a subtree cannot move under itself");
        }
        int height = subtree.stream().mapToInt(o -> o.depth).max().orElse(node.depth) - node.depth;
        TreeDepth.requireMoveFits(node.name, height, target.name, target.depth);
        int delta = TreeDepth.below(target.depth) - node.depth;
        Map<UUID, Integer> depthOf = new HashMap<>();
        subtree.forEach(o -> depthOf.put(o.id, o.depth + delta));
        return new MovePlan(node, target, node.parentId, subtree, depthOf);
    }

    private Uni<Void> apply(MovePlan plan) {
        if (plan.previousParentId().equals(plan.target().id)) {
            return Uni.createFrom().voidItem(); // already there: nothing changes
        }
        plan.node().parentId = plan.target().id;
        for (Organization o : plan.subtree()) {
            o.depth = plan.depthOf().get(o.id);
            o.rootId = plan.target().rootId;
        }
        return organizations.flush().chain(() -> outbox.publish(OrganizationEvents.TOPIC, EventTypes.ORGANIZATION_MOVED, plan.node().id,
                OrganizationService.subject(plan.node().id), new OrganizationEvents.OrganizationMoved(plan.node().id,
                        plan.previousParentId(), plan.target().id, plan.target().rootId)));
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(409, "Move refused", detail, List.of(new FieldError("newParentId", detail)), null);
    }

    private record MovePlan(Organization node, Organization target, UUID previousParentId, List<Organization> subtree,
            Map<UUID, Integer> depthOf) {

        /** The subtree at its new place (read before {@link #apply} changed the rows, so the places are given explicitly). */
        Move result(boolean dryRun) {
            List<Organization> available = subtree.stream().filter(Organization::isAvailable).toList();
            Subtree placed = new Subtree(node.id, target.rootId, available, Map.of(node.id, target.id), Map.copyOf(depthOf));
            return new Move(node.id, previousParentId, target.id, dryRun, placed);
        }
    }
}
