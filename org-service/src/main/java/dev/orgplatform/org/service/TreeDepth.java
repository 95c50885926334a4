package dev.orgplatform.org.service;

import java.util.List;
import java.util.Map;

import dev.orgplatform.platform.problem.FieldError;
import dev.orgplatform.platform.problem.ProblemException;

/**
 * An organization tree has at most {@value #MAX_LEVELS} levels, its root on level {@value #ROOT_LEVEL}: a
 * sub-organization stands one level below its parent, and a moved subtree keeps its height. (The database's
 * check on {@code organization.depth} only guards the same limit.)
 */
public final class TreeDepth {

    public static final int ROOT_LEVEL = 1;
    public static final int MAX_LEVELS = 4;

    private TreeDepth() {
    }

    public static int below(int parentLevel) {
        return parentLevel + 1;
    }

    /** The deepest level a subtree {@code height} levels below its top (0: it alone) reaches under a parent on {@code parentLevel}. */
    public static int deepestUnder(int parentLevel, int height) {
        return below(parentLevel) + height;
    }

    public static boolean allows(int level) {
        return level >= ROOT_LEVEL && level <= MAX_LEVELS;
    }

    /** Refuses a sub-organization of {@code parentName} when it would stand below the last level. */
    public static void requireRoomBelow(String parentName, int parentLevel) {
        int level = below(parentLevel);
        if (!allows(level)) {
            throw tooDeep("a sub-organization of '" + parentName + "' would be on level " + level, null);
        }
    }

    /** Refuses moving the subtree of {@code subtreeName} ({@code height} levels below it) under {@code targetName} past the last level. */
    public static void requireMoveFits(String subtreeName, int height, String targetName, int targetLevel) {
        int level = deepestUnder(targetLevel, height);
        if (!allows(level)) {
            throw tooDeep("under '" + targetName + "' the subtree of '" + subtreeName + "' would reach level " + level, "newParentId");
        }
    }

    private static ProblemException tooDeep(String detail, String field) {
        String message = detail + "; an organization tree has at most " + MAX_LEVELS + " levels";
        return new ProblemException(409, "Tree too deep", message, field == null ? null : List.of(new FieldError(field, message)),
                Map.of("maxDepth", MAX_LEVELS));
    }
}
