package dev.orgplatform.console.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One organization of a tree as a page draws it, with its sub-organizations; {@code marked} is the one being moved.
 */
public record Branch(String id, String name, String displayName, boolean marked, List<Branch> children) {

    /** One line of a drawn tree: the organization and its level (1 for the top of what is drawn). */
    public record Row(String id, String name, String displayName, int level, boolean marked) {
    }

    /** A subtree as org-service answers it ({@code id}, {@code name}, {@code displayName}, {@code children}). */
    public static Branch of(Map<String, Object> node) {
        List<Branch> children = new ArrayList<>();
        if (node.get("children") instanceof List<?> list) {
            for (Object child : list) {
                if (child instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> c = (Map<String, Object>) m;
                    children.add(of(c));
                }
            }
        }
        return new Branch(String.valueOf(node.get("id")), String.valueOf(node.get("name")), String.valueOf(node.get("displayName")),
                false, List.copyOf(children));
    }

    /** This branch and all below it, depth first, as the lines a page draws. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        addRows(rows, 1);
        return rows;
    }

    /** The branch with {@code id}, here or below, or null. */
    public Branch find(String id) {
        if (this.id.equals(id)) {
            return this;
        }
        for (Branch child : children) {
            Branch found = child.find(id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private void addRows(List<Row> rows, int level) {
        rows.add(new Row(id, name, displayName, level, marked));
        children.forEach(c -> c.addRows(rows, level + 1));
    }
}
