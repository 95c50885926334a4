package dev.orgplatform.org.client;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** billing-service's view of what blocks deleting an organization, with org-service's client-credentials token. */
@RegisterRestClient(configKey = "billing-service")
@OidcClientFilter
@Path("/api/v1/organizations/{organizationId}")
public interface BillingServiceApi {

    /** 200 once billing-service keeps an account for the organization (404 before). */
    @GET
    @Path("/limits")
    Uni<Response> limits(@PathParam("organizationId") UUID organizationId);

    /** The plan of the organization's tree, what it includes and from which plan on each feature is included. */
    @GET
    @Path("/limits")
    Uni<PlanOfTree> planOfTree(@PathParam("organizationId") UUID organizationId);

    record PlanOfTree(UUID billingOrganizationId, String plan, List<String> features, Map<String, String> featuresFrom) {
    }

    @GET
    @Path("/deletion-preconditions")
    Uni<DeletionPreconditions> deletionPreconditions(@PathParam("organizationId") UUID organizationId);

    record DeletionPreconditions(long devices, long activeDeployments, long outstandingCents, boolean satisfied,
            List<String> blockers) {
    }
}
