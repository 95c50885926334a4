package dev.orgplatform.console.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * What a tree looks like once a subtree moves under another parent, drawn before the move is confirmed; and where it
 * may go (not into itself or below it, not where it already is).
 */
public final class MovePreview {

    private MovePreview() {
    }

    /** The tree with {@code moved} (and all below it) under {@code newParent}, marked; null when either is not in it. */
    public static Branch apply(Branch tree, String moved, String newParent) {
        Branch subtree = tree.find(moved);
        if (subtree == null || subtree.find(newParent) != null || tree.find(newParent) == null) {
            return null;
        }
        Branch markedSubtree = new Branch(subtree.id(), subtree.name(), subtree.displayName(), true, subtree.children());
        return attach(detach(tree, moved), newParent, markedSubtree);
    }

    /** The organizations of the tree {@code moved} could be placed under, in drawing order. */
    public static List<Branch.Row> targets(Branch tree, String moved) {
        Branch subtree = tree.find(moved);
        List<Branch.Row> targets = new ArrayList<>();
        for (Branch.Row row : tree.rows()) {
            boolean inside = subtree != null && subtree.find(row.id()) != null;
            boolean currentParent = tree.find(row.id()).children().stream().anyMatch(c -> c.id().equals(moved));
            if (!inside && !currentParent) {
                targets.add(row);
            }
        }
        return targets;
    }

    private static Branch detach(Branch node, String moved) {
        List<Branch> kept = node.children().stream().filter(c -> !c.id().equals(moved)).map(c -> detach(c, moved)).toList();
        return new Branch(node.id(), node.name(), node.displayName(), node.marked(), kept);
    }

    private static Branch attach(Branch node, String parent, Branch subtree) {
        List<Branch> children = new ArrayList<>(node.children().stream().map(c -> attach(c, parent, subtree)).toList());
        if (node.id().equals(parent)) {
            children.add(subtree);
        }
        return new Branch(node.id(), node.name(), node.displayName(), node.marked(), List.copyOf(children));
    }
}
