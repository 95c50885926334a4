package dev.orgplatform.org.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.OrganizationSettings;
import dev.orgplatform.org.messaging.OrganizationEvents;
import dev.orgplatform.org.rest.OrganizationResponse;
import dev.orgplatform.org.rest.SettingsResponse;
import dev.orgplatform.org.rest.TreeNode;

public final class OrganizationMapper {

    private OrganizationMapper() {
    }

    public static OrganizationResponse toResponse(Organization o) {
        return new OrganizationResponse(o.id, o.name, o.displayName, o.description, o.contactEmail, o.region, o.state, o.parentId,
                o.rootId, o.depth, o.ownerId, o.purgeAfter, o.createdAt, o.updatedAt, o.version);
    }

    public static OrganizationEvents.OrganizationCreated toCreated(Organization o, String ownerEmail) {
        return new OrganizationEvents.OrganizationCreated(o.id, o.name, o.displayName, o.region.name(), o.parentId, o.rootId,
                o.depth, o.ownerId, ownerEmail, o.createdAt);
    }

    public static SettingsResponse toResponse(OrganizationSettings s) {
        return new SettingsResponse(s.organizationId, new SettingsResponse.Security(s.enforce2fa, s.ipAllowlist(), s.maxSessionMinutes,
                s.apiKeyMaxLifetimeDays), s.billingContactEmail, s.updatedAt, s.version);
    }

    public static OrganizationEvents.OrganizationSettingsChanged toSettingsChanged(OrganizationSettings s) {
        return new OrganizationEvents.OrganizationSettingsChanged(s.organizationId, new OrganizationEvents.Security(s.enforce2fa,
                s.ipAllowlist(), s.maxSessionMinutes, s.apiKeyMaxLifetimeDays), s.billingContactEmail);
    }

    /**
     * The tree under {@code top} from the rows of its subtree; {@code depthOf} and {@code parentOf} give each
     * row's (possibly previewed) place.
     */
    public static TreeNode toTree(UUID top, List<Organization> subtree, Map<UUID, UUID> parentOf, Map<UUID, Integer> depthOf,
            UUID rootId) {
        Map<UUID, Organization> byId = new HashMap<>();
        Map<UUID, List<Organization>> childrenOf = new HashMap<>();
        for (Organization o : subtree) {
            byId.put(o.id, o);
            childrenOf.computeIfAbsent(parentOf.getOrDefault(o.id, o.parentId), k -> new ArrayList<>()).add(o);
        }
        return node(byId.get(top), childrenOf, parentOf, depthOf, rootId);
    }

    public static TreeNode toTree(UUID top, List<Organization> subtree) {
        Organization o = subtree.stream().filter(s -> s.id.equals(top)).findFirst().orElseThrow();
        return toTree(top, subtree, Map.of(), Map.of(), o.rootId);
    }

    private static TreeNode node(Organization o, Map<UUID, List<Organization>> childrenOf, Map<UUID, UUID> parentOf,
            Map<UUID, Integer> depthOf, UUID rootId) {
        List<TreeNode> children = childrenOf.getOrDefault(o.id, List.of()).stream()
                .sorted(Comparator.comparing((Organization c) -> c.name))
                .map(c -> node(c, childrenOf, parentOf, depthOf, rootId)).toList();
        return new TreeNode(o.id, o.name, o.displayName, parentOf.getOrDefault(o.id, o.parentId), rootId,
                depthOf.getOrDefault(o.id, o.depth), children);
    }
}
