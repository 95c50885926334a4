package dev.orgplatform.console.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MovePreviewTest {

    // acme ─ eu ─ berlin
    //      └ us
    private static final Branch TREE = Branch.of(node("acme", node("eu", node("berlin")), node("us")));

    @Test
    void theMovedSubtreeHangsUnderItsNewParentMarkedWithEverythingBelowIt() {
        Branch after = MovePreview.apply(TREE, "eu", "us");
        assertEquals(List.of("1 acme", "2 us", "3 eu*", "4 berlin"), drawn(after));
        assertEquals(List.of("1 acme", "2 eu", "3 berlin", "2 us"), drawn(TREE), "the tree drawn before is left as it was");
    }

    @Test
    void movingBackGivesTheTreeItWas() {
        Branch moved = MovePreview.apply(TREE, "berlin", "us");
        assertEquals(List.of("1 acme", "2 eu", "2 us", "3 berlin*"), drawn(moved));
        assertEquals(List.of("1 acme", "2 eu", "3 berlin*", "2 us"), drawn(MovePreview.apply(moved, "berlin", "eu")));
    }

    @Test
    void nothingMovesIntoItselfBelowItselfOrOutsideTheTree() {
        assertNull(MovePreview.apply(TREE, "eu", "berlin"));
        assertNull(MovePreview.apply(TREE, "eu", "eu"));
        assertNull(MovePreview.apply(TREE, "eu", "elsewhere"));
        assertNull(MovePreview.apply(TREE, "elsewhere", "us"));
    }

    @Test
    void theTargetsLeaveOutTheSubtreeAndItsCurrentParent() {
        assertEquals(List.of("us"), MovePreview.targets(TREE, "eu").stream().map(Branch.Row::id).toList());
        assertEquals(List.of("acme", "us"), MovePreview.targets(TREE, "berlin").stream().map(Branch.Row::id).toList());
    }

    private static List<String> drawn(Branch tree) {
        return tree.rows().stream().map(r -> r.level() + " " + r.id() + (r.marked() ? "*" : "")).toList();
    }

    @SafeVarargs
    private static Map<String, Object> node(String id, Map<String, Object>... children) {
        return Map.of("id", id, "name", id, "displayName", id.toUpperCase(), "children", List.of(children));
    }
}
