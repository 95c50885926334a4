package dev.orgplatform.org.mapping;

import java.util.UUID;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.messaging.OrganizationEvents;
import dev.orgplatform.org.rest.CreateChildRequest;
import dev.orgplatform.org.rest.CreateOrganizationRequest;
import dev.orgplatform.org.rest.OrganizationResponse;
import dev.orgplatform.org.rest.UpdateOrganizationRequest;
import dev.orgplatform.org.service.NewOrganization;
import dev.orgplatform.org.service.OrganizationChange;

/** Organizations between their REST shapes, the service's commands and the events. */
public final class OrganizationMapper {

    private OrganizationMapper() {
    }

    public static OrganizationResponse toResponse(Organization o) {
        return new OrganizationResponse(o.id, o.name, o.displayName, o.description, o.contactEmail, o.region, o.country, o.type, o.state,
                o.parentId,
                o.rootId, o.depth, o.ownerId, o.purgeAfter, o.createdAt, o.updatedAt, o.version);
    }

    public static NewOrganization toNew(CreateOrganizationRequest r) {
        return new NewOrganization(r.name(), r.displayName(), r.description(), r.contactEmail(), r.region(), r.country(), null);
    }

    public static NewOrganization toNew(CreateChildRequest r) {
        return new NewOrganization(r.name(), r.displayName(), r.description(), r.contactEmail(), r.region(), r.country(), r.type());
    }

    public static OrganizationChange toChange(UpdateOrganizationRequest r) {
        return new OrganizationChange(r.name(), r.displayName(), r.description(), r.contactEmail(), r.region(), r.country(), r.type());
    }

    public static OrganizationEvents.OrganizationCreated toCreated(Organization o, String ownerEmail, UUID reservationId) {
        return new OrganizationEvents.OrganizationCreated(o.id, o.name, o.displayName, o.region.name(), o.country, o.type, o.parentId,
                o.rootId, o.depth, o.ownerId, o.ownerId == null ? null : ownerEmail, o.createdAt, reservationId);
    }
}
