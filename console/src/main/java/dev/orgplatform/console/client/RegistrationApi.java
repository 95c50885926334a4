package dev.orgplatform.console.client;

import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** invitation-service's registration: no one is signed in yet, so no token travels (the invitation's token is the proof). */
@RegisterClientHeaders(ForwardedClient.class)
@RegisterRestClient(configKey = "invitation-service")
@Path("/api/v1/invitations")
public interface RegistrationApi {

    @POST
    @Path("/register")
    Uni<Response> register(Map<String, Object> registration);
}
