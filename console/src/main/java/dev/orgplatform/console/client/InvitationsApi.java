package dev.orgplatform.console.client;

import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;

/** invitation-service, called with the signed-in person's access token. */
@RegisterRestClient(configKey = "invitation-service")
@AccessToken
@Path("/api/v1/invitations")
public interface InvitationsApi {

    @POST
    @Path("/accept")
    Uni<Response> accept(Map<String, Object> token);
}
