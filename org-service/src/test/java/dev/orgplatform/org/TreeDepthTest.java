package dev.orgplatform.org;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orgplatform.org.service.TreeDepth;
import dev.orgplatform.platform.problem.FieldError;
import dev.orgplatform.platform.problem.ProblemException;

/** The tree-depth rule alone (no stack needed): four levels, the root on the first. */
class TreeDepthTest {

    @Test
    void fourLevelsAndNotAFifth() {
        assertEquals(1, TreeDepth.ROOT_LEVEL);
        assertEquals(2, TreeDepth.below(TreeDepth.ROOT_LEVEL));
        assertTrue(TreeDepth.allows(4));
        assertFalse(TreeDepth.allows(5));
        assertFalse(TreeDepth.allows(0));
    }

    @Test
    void aSubOrganizationNeedsRoomBelowItsParent() {
        assertDoesNotThrow(() -> TreeDepth.requireRoomBelow("l3", 3));
        ProblemException e = assertThrows(ProblemException.class, () -> TreeDepth.requireRoomBelow("l4", 4));
        assertEquals(409, e.status());
        assertEquals("Tree too deep", e.title());
        assertEquals(4, e.extensions().get("maxDepth"));
        assertTrue(e.getMessage().contains("'l4' would be on level 5"), e.getMessage());
        assertEquals(List.of(), e.errors(), "creating a child names no field: the parent is in the path");
    }

    @Test
    void aMovedSubtreeKeepsItsHeight() {
        assertEquals(4, TreeDepth.deepestUnder(1, 2), "three levels under the root reach the fourth");
        assertDoesNotThrow(() -> TreeDepth.requireMoveFits("a", 2, "root", 1));
        assertDoesNotThrow(() -> TreeDepth.requireMoveFits("leaf", 0, "l3", 3));
        ProblemException e = assertThrows(ProblemException.class, () -> TreeDepth.requireMoveFits("a", 2, "b", 2));
        assertEquals("Tree too deep", e.title());
        assertEquals(List.of("newParentId"), e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.getMessage().contains("would reach level 5"), e.getMessage());
    }
}
