package dev.orgplatform.org.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.rest.MoveResponse;
import dev.orgplatform.org.rest.TreeNode;
import dev.orgplatform.org.service.Move;
import dev.orgplatform.org.service.Subtree;

/** Subtrees and moves as nested {@link TreeNode}s, children by name. */
public final class TreeMapper {

    private TreeMapper() {
    }

    public static TreeNode toTree(Subtree subtree) {
        Map<UUID, Organization> byId = new HashMap<>();
        Map<UUID, List<Organization>> childrenOf = new HashMap<>();
        for (Organization o : subtree.rows()) {
            byId.put(o.id, o);
            childrenOf.computeIfAbsent(subtree.parentOf(o), k -> new ArrayList<>()).add(o);
        }
        return node(byId.get(subtree.topId()), childrenOf, subtree);
    }

    public static MoveResponse toResponse(Move m) {
        return new MoveResponse(m.organizationId(), m.previousParentId(), m.newParentId(), m.dryRun(), toTree(m.subtree()));
    }

    private static TreeNode node(Organization o, Map<UUID, List<Organization>> childrenOf, Subtree subtree) {
        List<TreeNode> children = childrenOf.getOrDefault(o.id, List.of()).stream()
                .sorted(Comparator.comparing((Organization c) -> c.name))
                .map(c -> node(c, childrenOf, subtree)).toList();
        return new TreeNode(o.id, o.name, o.displayName, o.type, subtree.parentOf(o), subtree.rootId(), subtree.depthOf(o), children);
    }
}
