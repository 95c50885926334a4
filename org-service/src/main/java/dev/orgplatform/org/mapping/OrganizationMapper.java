package dev.orgplatform.org.mapping;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.messaging.OrganizationEvents;
import dev.orgplatform.org.rest.OrganizationResponse;

public final class OrganizationMapper {

    private OrganizationMapper() {
    }

    public static OrganizationResponse toResponse(Organization o) {
        return new OrganizationResponse(o.id, o.name, o.displayName, o.description, o.contactEmail, o.region, o.state, o.parentId,
                o.rootId, o.depth, o.createdAt, o.updatedAt, o.version);
    }

    public static OrganizationEvents.OrganizationCreated toCreated(Organization o, String ownerEmail) {
        return new OrganizationEvents.OrganizationCreated(o.id, o.name, o.displayName, o.region.name(), o.parentId, o.rootId,
                o.depth, o.createdBy, ownerEmail, o.createdAt);
    }
}
