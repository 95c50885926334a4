package dev.orgplatform.platform.security;

import java.util.List;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** user-service's authorization check, called with this service's client-credentials token. */
@RegisterRestClient(configKey = "user-service")
@OidcClientFilter
@Path("/api/v1/authorization")
public interface AuthorizationApi {

    @POST
    @Path("/check")
    Uni<AccessDecision> check(AccessQuery query);

    /** The answers in the order of the questions (1..500 of them). */
    @POST
    @Path("/check-batch")
    Uni<List<AccessDecision>> checkBatch(List<AccessQuery> queries);
}
