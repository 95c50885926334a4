package dev.orgplatform.org.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

@RegisterRestClient(configKey = "invitation-service")
@OidcClientFilter
@Path("/api/v1/organizations/{organizationId}/invitations")
public interface InvitationServiceApi {

    /** 200 with {@code available}: whether invitation-service takes invitations to the organization yet. */
    @GET
    @Path("/availability")
    Uni<Response> availability(@PathParam("organizationId") UUID organizationId);
}
