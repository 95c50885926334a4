package dev.orgplatform.user.apikey.rest;

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

import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.apikey.ApiKey;
import dev.orgplatform.user.apikey.mapping.ApiKeyMapper;
import dev.orgplatform.user.apikey.service.ApiKeyService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Personal API keys of an organization's members: any member makes and manages their own; those with
 * apikey:manage see and manage every key there. The secret is in the creating (or rotating) answer only.
 */
@Path("/api/v1/organizations/{organizationId}/api-keys")
@Authenticated
@Tag(name = "API keys")
public class ApiKeyResource {

    private final ApiKeyService keys;
    private final AccessGate gate;
    private final Caller caller;

    public ApiKeyResource(ApiKeyService keys, AccessGate gate, Caller caller) {
        this.keys = keys;
        this.gate = gate;
        this.caller = caller;
    }

    @POST
    @APIResponse(responseCode = "201", description = "created; secret is shown this once", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiKeyResponse.class)))
    public Uni<Response> create(@PathParam("organizationId") UUID organizationId, @Valid @NotNull CreateApiKeyRequest request) {
        return gate.requireInPerson("organization:read", organizationId)
                .chain(() -> keys.create(organizationId, caller.userId(), ApiKeyMapper.toCommand(request)))
                .map(issued -> Response.created(URI.create("/api/v1/organizations/" + organizationId + "/api-keys/" + issued.key().id))
                        .entity(ApiKeyMapper.toResponse(issued.key(), issued.secret())).build());
    }

    @GET
    public Uni<Page<ApiKeyResponse>> list(@PathParam("organizationId") UUID organizationId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Cursor.limit(limit, 50, 200);
        return gate.require("organization:read", organizationId)
                .chain(() -> gate.holds("apikey:manage", organizationId))
                .chain(manager -> keys.list(organizationId, manager ? null : caller.userId(), size, cursor))
                .map(page -> page.map(k -> ApiKeyMapper.toResponse(k, null)));
    }

    @DELETE
    @Path("/{keyId}")
    @APIResponse(responseCode = "204", description = "revoked")
    public Uni<Response> revoke(@PathParam("organizationId") UUID organizationId, @PathParam("keyId") UUID keyId) {
        return manageable(organizationId, keyId).chain(keys::revoke).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{keyId}/rotate")
    public Uni<ApiKeyResponse> rotate(@PathParam("organizationId") UUID organizationId, @PathParam("keyId") UUID keyId) {
        return manageable(organizationId, keyId).chain(keys::rotate)
                .map(issued -> ApiKeyMapper.toResponse(issued.key(), issued.secret()));
    }

    /** The key, if the caller may revoke or rotate it in person: its owner may, and so may whoever holds apikey:manage there. */
    private Uni<ApiKey> manageable(UUID organizationId, UUID keyId) {
        return gate.requireInPerson("organization:read", organizationId)
                .chain(() -> keys.find(keyId, organizationId))
                .call(key -> gate.requireUnlessHeldOtherwise("apikey:manage", organizationId, key.userId.equals(caller.userId())));
    }
}
