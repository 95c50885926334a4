package dev.orgplatform.org.rest;

import java.util.List;
import java.util.UUID;

/** One organization of a tree with the organizations beneath it; {@code type} null for a root. */
public record TreeNode(UUID id, String name, String displayName, String type, UUID parentId, UUID rootId, int depth,
        List<TreeNode> children) {
}
