package dev.orgplatform.org.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessQuery;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** What org-service asks user-service, with its own client-credentials token. */
@RegisterRestClient(configKey = "user-service")
@OidcClientFilter
@Path("/api/v1")
public interface UserServiceApi {

    /** 200 with the member, 404 when {@code userId} is not a member (a Response: 404 is an answer here). */
    @GET
    @Path("/organizations/{organizationId}/members/{userId}")
    Uni<Response> member(@PathParam("organizationId") UUID organizationId, @PathParam("userId") UUID userId);

    /** A page {items:[{userId, role, ...}], nextCursor}. */
    @GET
    @Path("/organizations/{organizationId}/members")
    Uni<JsonNode> members(@PathParam("organizationId") UUID organizationId, @QueryParam("limit") int limit);

    /** One decision per query, in the same order. */
    @POST
    @Path("/authorization/check-batch")
    Uni<List<AccessDecision>> checkBatch(List<AccessQuery> queries);
}
