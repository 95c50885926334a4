package dev.orgplatform.org.rest;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.service.OrganizationService;
import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * The gate of every organization endpoint: the organization must be available (one pending deletion answers
 * 404 to everyone) and the caller must hold {@code permission} there or on an ancestor (user-service decides;
 * 403 otherwise, 503 when it cannot be asked).
 */
@RequestScoped
public class OrganizationAccess {

    private final OrganizationService organizations;
    private final AccessPolicy access;
    private final Caller caller;

    public OrganizationAccess(OrganizationService organizations, AccessPolicy access, Caller caller) {
        this.organizations = organizations;
        this.access = access;
        this.caller = caller;
    }

    public Uni<Organization> require(UUID id, String permission) {
        AccessQuery query = caller.may(permission, id);
        return organizations.findAvailable(id).call(() -> access.require(query));
    }

    /** 428 before anything else when an update comes without the ETag it is based on (checked again, for 412, later). */
    public static void requireIfMatchPresent(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            Versions.requireMatch(ifMatch, 0);
        }
    }
}
