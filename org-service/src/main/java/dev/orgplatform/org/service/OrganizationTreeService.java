package dev.orgplatform.org.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.mapping.OrganizationMapper;
import dev.orgplatform.org.messaging.OrganizationEvents;
import dev.orgplatform.org.repository.OrganizationRepository;
import dev.orgplatform.org.rest.MoveResponse;
import dev.orgplatform.org.rest.TreeNode;
import dev.orgplatform.platform.outbox.Outbox;
import dev.orgplatform.platform.problem.FieldError;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The organization tree: at most {@value #MAX_DEPTH} levels (root = 1); sub-organizations, their listing, and
 * moving a subtree within its root tree. Changes to one tree are serialized by locking its root row, so two
 * concurrent moves can never build a cycle or pass the depth limit.
 */
@ApplicationScoped
public class OrganizationTreeService {

    public static final int MAX_DEPTH = 4;

    private final OrganizationRepository organizations;
    private final OrganizationService organizationService;
    private final Outbox outbox;

    public OrganizationTreeService(OrganizationRepository organizations, OrganizationService organizationService, Outbox outbox) {
        this.organizations = organizations;
        this.organizationService = organizationService;
        this.outbox = outbox;
    }

    /** A sub-organization under {@code parentId}; its creator becomes its Owner, its region is the parent's. */
    @WithTransaction
    public Uni<Organization> createChild(UUID parentId, OrganizationService.NewOrganization request, UUID creator, String creatorEmail) {
        return organizationService.findAvailable(parentId)
                .call(this::lockTree)
                .chain(parent -> {
                    if (parent.depth >= MAX_DEPTH) {
                        throw tooDeep("a sub-organization of '" + parent.name + "' would be on level " + (parent.depth + 1), null);
                    }
                    if (request.region() != null && request.region() != parent.region) {
                        throw ProblemException.badField("region", "must be the parent's region " + parent.region);
                    }
                    OrganizationService.NewOrganization inParentRegion = new OrganizationService.NewOrganization(request.name(),
                            request.displayName(), request.description(), request.contactEmail(), parent.region);
                    return organizationService.create(inParentRegion, parent, creator, creatorEmail);
                });
    }

    /** Available children of an organization, by name. */
    @WithSession
    public Uni<Page<Organization>> children(UUID parentId, int limit, String cursor) {
        String after = cursor == null ? null : Cursor.decode(cursor, 1).get(0);
        return organizationService.findAvailable(parentId)
                .chain(() -> organizations.children(parentId, after, limit + 1))
                .map(rows -> Page.of(rows, limit, o -> Cursor.encode(o.name)));
    }

    /** The ancestors of an organization, root first (three at most). */
    @WithSession
    public Uni<List<Organization>> ancestors(UUID id) {
        return organizationService.findAvailable(id).chain(() -> organizations.ancestors(id))
                .map(up -> up.stream().sorted((a, b) -> Integer.compare(a.depth, b.depth)).toList());
    }

    /** The organization with every available organization beneath it. */
    @WithSession
    public Uni<TreeNode> subtree(UUID id) {
        return organizationService.findAvailable(id).chain(() -> organizations.subtree(id))
                .map(all -> OrganizationMapper.toTree(id, all.stream().filter(Organization::isAvailable).toList()));
    }

    /**
     * Moves the subtree of {@code id} under {@code newParentId} in the same root tree, carrying everything
     * beneath it; {@code dryRun} only answers the resulting subtree. Refused when the target is the subtree
     * itself or inside it, in another root tree, or when the subtree's deepest level would pass
     * {@value #MAX_DEPTH}. Moving back to the previous parent reverses a move.
     */
    @WithTransaction
    public Uni<MoveResponse> move(UUID id, UUID newParentId, boolean dryRun) {
        return organizationService.findAvailable(id)
                .call(node -> dryRun ? Uni.createFrom().voidItem() : lockTree(node))
                .chain(node -> organizationService.findAvailable(newParentId)
                        .chain(target -> organizations.subtree(id).map(subtree -> plan(node, target, subtree)))
                        .chain(plan -> dryRun ? Uni.createFrom().item(plan.response(true))
                                : apply(plan).replaceWith(plan.response(false))));
    }

    /**
     * Locks the root row of {@code member}'s tree (a tree's root never changes) and re-reads {@code member}:
     * another change of the tree may have committed since it was read.
     */
    private Uni<Void> lockTree(Organization member) {
        return organizations.findById(member.rootId, LockModeType.PESSIMISTIC_WRITE)
                .chain(() -> Panache.getSession()).chain(s -> s.refresh(member))
                .invoke(() -> {
                    if (!member.isAvailable()) {
                        throw ProblemException.notFound("organization " + member.id);
                    }
                });
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
        int newDepth = target.depth + 1;
        if (newDepth + height > MAX_DEPTH) {
            throw tooDeep("under '" + target.name + "' the subtree of '" + node.name + "' would reach level " + (newDepth + height),
                    "newParentId");
        }
        int delta = newDepth - node.depth;
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
        return organizations.flush().chain(() -> outbox.publish(OrganizationEvents.TOPIC, "OrganizationMoved", plan.node().id,
                OrganizationService.subject(plan.node().id), new OrganizationEvents.OrganizationMoved(plan.node().id,
                        plan.previousParentId(), plan.target().id, plan.target().rootId)));
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(409, "Move refused", detail, List.of(new FieldError("newParentId", detail)), null);
    }

    private static ProblemException tooDeep(String detail, String field) {
        String message = detail + "; an organization tree has at most " + MAX_DEPTH + " levels";
        return new ProblemException(409, "Tree too deep", message, field == null ? null : List.of(new FieldError(field, message)),
                Map.of("maxDepth", MAX_DEPTH));
    }

    private record MovePlan(Organization node, Organization target, UUID previousParentId, List<Organization> subtree,
            Map<UUID, Integer> depthOf) {

        MoveResponse response(boolean dryRun) {
            Map<UUID, UUID> parentOf = new HashMap<>();
            parentOf.put(node.id, target.id);
            List<Organization> available = subtree.stream().filter(Organization::isAvailable).toList();
            return new MoveResponse(node.id, previousParentId, target.id, dryRun,
                    OrganizationMapper.toTree(node.id, available, parentOf, depthOf, target.rootId));
        }
    }
}
