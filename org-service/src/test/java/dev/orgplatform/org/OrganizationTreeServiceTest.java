package dev.orgplatform.org;

import static dev.orgplatform.org.Fixtures.await;
import static dev.orgplatform.org.Fixtures.refusal;
import static dev.orgplatform.org.Fixtures.suffix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.org.mapping.TreeMapper;
import dev.orgplatform.org.rest.MoveResponse;
import dev.orgplatform.org.rest.TreeNode;
import dev.orgplatform.org.service.NewOrganization;
import dev.orgplatform.org.service.OrganizationChange;
import dev.orgplatform.org.service.OrganizationService;
import dev.orgplatform.org.service.OrganizationTreeService;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.rest.Versions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The tree rules through the service layer on the real database and Kafka. (Over HTTP every tree endpoint
 * first asks user-service, which does not run in this module's tests: the system tests cover that path.)
 */
@QuarkusTest
@QuarkusTestResource(OrgServiceStack.class)
class OrganizationTreeServiceTest {

    @Inject
    OrganizationService organizations;
    @Inject
    OrganizationTreeService tree;

    private final UUID owner = UUID.randomUUID();

    @BeforeEach
    void subOrganizationsGranted() {
        Fixtures.grantedQuotas(); // no billing-service runs here: system-tests cover the plan's refusal
    }

    @Test
    void fourLevelsAndNotAFifth() {
        Organization root = root();
        Organization l2 = child(root);
        Organization l3 = child(l2);
        Organization l4 = child(l3);
        assertEquals(List.of(1, 2, 3, 4), List.of(root.depth, l2.depth, l3.depth, l4.depth));
        assertEquals(root.id, l4.rootId);
        assertEquals(owner, root.ownerId);
        assertNull(l4.ownerId, "a sub-organization has no Owner of its own");
        assertEquals(owner, l4.createdBy);

        ProblemException tooDeep = refusal(() -> tree.createChild(l4.id, fresh(null), owner, "o@example.com"));
        assertEquals(409, tooDeep.status());
        assertEquals("Tree too deep", tooDeep.title());
        assertEquals(4, tooDeep.extensions().get("maxDepth"));

        JsonNode created = Fixtures.event("OrganizationCreated", l4.id);
        assertEquals(l3.id.toString(), created.get("parentId").asText());
        assertEquals(root.id.toString(), created.get("rootId").asText());
        assertEquals(4, created.get("depth").asInt());
        assertTrue(created.get("ownerId").isNull());
    }

    @Test
    void aChildKeepsItsParentsRegion() {
        Organization root = root();
        ProblemException wrongRegion = refusal(() -> tree.createChild(root.id, fresh(Region.US), owner, null));
        assertEquals("region", wrongRegion.errors().get(0).field());
        assertEquals(Region.EU, child(root).region);
    }

    @Test
    void aSubOrganizationIsOfTheDefaultTypeUnlessAskedAndAnotherTypeAsksTheTreesPlanFirst() {
        Organization root = root();
        Organization kid = child(root);
        assertEquals("client", kid.type, "the first type on offer");
        assertNull(root.type, "a root has none");
        assertEquals("client", Fixtures.event("OrganizationCreated", kid.id).get("type").asText());

        ProblemException unknown = refusal(() -> tree.createChild(root.id, typed("spaceship"), owner, null));
        assertEquals("type", unknown.errors().get(0).field());
        assertTrue(unknown.errors().get(0).message().contains("partner"), "lists the types on offer");
        // another type needs the plan's feature, which only billing-service can tell: it does not run here, so no
        assertEquals(503, refusal(() -> tree.createChild(root.id, typed("partner"), owner, null)).status());
        assertEquals(503, refusal(() -> organizations.update(kid.id, new OrganizationChange(null, null, null, null, null, null, "site"),
                Versions.etag(kid.version), false)).status());
        assertEquals("type", refusal(() -> organizations.update(root.id, new OrganizationChange(null, null, null, null, null, null,
                "client"), Versions.etag(root.version), false)).errors().get(0).field(), "a root has no type");

        Organization other = child(root);
        assertEquals(2, await(() -> tree.children(root.id, "client", 10, null)).items().size());
        assertEquals(0, await(() -> tree.children(root.id, "partner", 10, null)).items().size());
        assertEquals("type", refusal(() -> tree.children(root.id, "spaceship", 10, null)).errors().get(0).field());
        assertTrue(List.of(kid.id, other.id).contains(await(() -> tree.children(root.id, "CLIENT", 10, null)).items().get(0).id));
    }

    @Test
    void listsChildrenAncestorsAndTheSubtree() {
        Organization root = root();
        Organization a = child(root);
        Organization b = child(root);
        Organization a1 = child(a);

        Page<Organization> first = await(() -> tree.children(root.id, null, 1, null));
        assertEquals(1, first.items().size());
        Page<Organization> second = await(() -> tree.children(root.id, null, 1, first.nextCursor()));
        assertEquals(1, second.items().size());
        assertNull(second.nextCursor());
        assertTrue(List.of(a.id, b.id).containsAll(List.of(first.items().get(0).id, second.items().get(0).id)));

        assertEquals(List.of(root.id, a.id), await(() -> tree.ancestors(a1.id)).stream().map(o -> o.id).toList());
        assertEquals(List.of(), await(() -> tree.ancestors(root.id)));

        TreeNode subtree = TreeMapper.toTree(await(() -> tree.subtree(root.id)));
        assertEquals(2, subtree.children().size());
        TreeNode aNode = subtree.children().stream().filter(n -> n.id().equals(a.id)).findFirst().orElseThrow();
        assertEquals(List.of(a1.id), aNode.children().stream().map(TreeNode::id).toList());
        assertEquals(3, aNode.children().get(0).depth());
    }

    @Test
    void aMovePreviewChangesNothingAndAMoveCarriesTheSubtreeAndCanBeReversed() {
        Organization root = root();
        Organization a = child(root);
        Organization b = child(root);
        Organization a1 = child(a);

        MoveResponse preview = TreeMapper.toResponse(await(() -> tree.move(a.id, b.id, true)));
        assertTrue(preview.dryRun());
        assertEquals(3, preview.subtree().depth());
        assertEquals(b.id, preview.subtree().parentId());
        assertEquals(4, preview.subtree().children().get(0).depth());
        assertEquals(2, await(() -> organizations.findAvailable(a.id)).depth, "a dry run changes nothing");

        MoveResponse moved = TreeMapper.toResponse(await(() -> tree.move(a.id, b.id, false)));
        assertEquals(root.id, moved.previousParentId());
        assertEquals(b.id, await(() -> organizations.findAvailable(a.id)).parentId);
        assertEquals(4, await(() -> organizations.findAvailable(a1.id)).depth, "everything beneath moved with it");
        JsonNode event = Fixtures.event("OrganizationMoved", a.id);
        assertEquals(root.id.toString(), event.get("previousParentId").asText());
        assertEquals(b.id.toString(), event.get("newParentId").asText());
        assertEquals(root.id.toString(), event.get("rootId").asText());

        await(() -> tree.move(a.id, root.id, false));
        assertEquals(root.id, await(() -> organizations.findAvailable(a.id)).parentId);
        assertEquals(2, await(() -> organizations.findAvailable(a.id)).depth);
        assertEquals(3, await(() -> organizations.findAvailable(a1.id)).depth, "moving back reverses the move");
    }

    @Test
    void aMoveIsRefusedIntoItsOwnSubtreeAcrossRootsAndPastTheDepthLimit() {
        Organization root = root();
        Organization a = child(root);
        Organization a1 = child(a);
        Organization a2 = child(a1);
        Organization b = child(root);

        ProblemException intoItself = refusal(() -> tree.move(a.id, a.id, false));
        assertEquals(409, intoItself.status());
        assertEquals("newParentId", intoItself.errors().get(0).field());
        assertEquals(409, refusal(() -> tree.move(a.id, a2.id, true)).status(), "a preview is refused the same way");
        assertEquals(409, refusal(() -> tree.move(a.id, a1.id, false)).status());

        Organization otherRoot = root();
        assertEquals("Move refused", refusal(() -> tree.move(b.id, otherRoot.id, false)).title());
        assertEquals("Move refused", refusal(() -> tree.move(root.id, b.id, false)).title(), "a root cannot move");

        // a (3 levels: a, a1, a2) under b would reach level 5
        ProblemException tooDeep = refusal(() -> tree.move(a.id, b.id, true));
        assertEquals("Tree too deep", tooDeep.title());
        assertEquals(4, await(() -> organizations.findAvailable(a2.id)).depth, "nothing moved");
        assertEquals(404, refusal(() -> tree.move(a.id, UUID.randomUUID(), false)).status());
    }

    private Organization root() {
        return await(() -> organizations.createRoot(fresh(Region.EU), owner, "o@example.com"));
    }

    private Organization child(Organization parent) {
        return await(() -> tree.createChild(parent.id, fresh(null), owner, "o@example.com"));
    }

    private static NewOrganization typed(String type) {
        return new NewOrganization("t-" + suffix(), "Typed", null, null, null, null, type);
    }

    private static NewOrganization fresh(Region region) {
        return new NewOrganization("t-" + suffix(), "Tree test", null, null, region, null, null);
    }
}
