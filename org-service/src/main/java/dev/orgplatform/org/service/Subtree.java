package dev.orgplatform.org.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.orgplatform.org.Organization;

/**
 * An organization ({@code topId}) with the available organizations beneath it. {@code parents} and {@code depths}
 * override where a row stands (a move's preview); rows absent from them stand where they are.
 */
public record Subtree(UUID topId, UUID rootId, List<Organization> rows, Map<UUID, UUID> parents, Map<UUID, Integer> depths) {

    /** The subtree as it is stored. */
    public static Subtree asStored(UUID topId, List<Organization> rows) {
        Organization top = rows.stream().filter(o -> o.id.equals(topId)).findFirst().orElseThrow();
        return new Subtree(topId, top.rootId, rows, Map.of(), Map.of());
    }

    public UUID parentOf(Organization o) {
        return parents.getOrDefault(o.id, o.parentId);
    }

    public int depthOf(Organization o) {
        return depths.getOrDefault(o.id, o.depth);
    }
}
