package dev.orgplatform.user.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.mapping.ApiKeyMapper;
import dev.orgplatform.user.service.ApiKeyService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Personal API keys of an organization's members. The secret is in the creating (or rotating) answer only. */
@Path("/api/v1/organizations/{organizationId}/api-keys")
@Authenticated
@Tag(name = "API keys")
public class ApiKeyResource {

    private final ApiKeyService keys;
    private final Caller caller;

    public ApiKeyResource(ApiKeyService keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@PathParam("organizationId") UUID organizationId, @Valid @NotNull CreateApiKeyRequest request) {
        return keys.create(caller.may("organization:read", organizationId), request)
                .map(issued -> Response.created(URI.create("/api/v1/organizations/" + organizationId + "/api-keys/" + issued.key().id))
                        .entity(ApiKeyMapper.toResponse(issued.key(), issued.secret())).build());
    }

    @GET
    public Uni<Page<ApiKeyResponse>> list(@PathParam("organizationId") UUID organizationId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return keys.list(caller.may("organization:read", organizationId), caller.may("apikey:manage", organizationId), limit, cursor)
                .map(page -> page.map(k -> ApiKeyMapper.toResponse(k, null)));
    }

    @DELETE
    @Path("/{keyId}")
    public Uni<Response> revoke(@PathParam("organizationId") UUID organizationId, @PathParam("keyId") UUID keyId) {
        return keys.revoke(caller.may("apikey:manage", organizationId), keyId).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{keyId}/rotate")
    public Uni<ApiKeyResponse> rotate(@PathParam("organizationId") UUID organizationId, @PathParam("keyId") UUID keyId) {
        return keys.rotate(caller.may("apikey:manage", organizationId), keyId)
                .map(issued -> ApiKeyMapper.toResponse(issued.key(), issued.secret()));
    }
}
