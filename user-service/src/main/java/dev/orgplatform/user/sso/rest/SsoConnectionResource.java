package dev.orgplatform.user.sso.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.user.sso.mapping.SsoMapper;
import dev.orgplatform.user.sso.service.SsoConnectionService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The organization's own identity providers (OIDC, SAML 2.0), managed by its Owners and Admins (organization:settings). */
@Path("/api/v1/organizations/{organizationId}/sso-connections")
@Authenticated
@Tag(name = "SSO")
public class SsoConnectionResource {

    private final SsoConnectionService connections;
    private final AccessGate gate;

    public SsoConnectionResource(SsoConnectionService connections, AccessGate gate) {
        this.connections = connections;
        this.gate = gate;
    }

    @POST
    @APIResponse(responseCode = "201", description = "made; Keycloak follows within seconds (keycloak: IN_STEP)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SsoConnectionResponse.class)))
    @APIResponse(responseCode = "400", description = "a field is missing or wrong for the protocol, or the domain is not claimed")
    public Uni<Response> create(@PathParam("organizationId") UUID organizationId, @Valid @NotNull SsoConnectionRequest request) {
        return gate.require("organization:settings", organizationId)
                .chain(() -> connections.create(organizationId, SsoMapper.toSettings(request)))
                .chain(created -> connections.list(organizationId).map(all -> Response
                        .created(URI.create("/api/v1/organizations/" + organizationId + "/sso-connections/" + created.id))
                        .tag(Versions.entityTag(created.version)).entity(SsoMapper.toResponse(created, all)).build()));
    }

    @GET
    public Uni<List<SsoConnectionResponse>> list(@PathParam("organizationId") UUID organizationId) {
        return gate.require("organization:settings", organizationId)
                .chain(() -> connections.list(organizationId)).map(SsoMapper::toResponses);
    }

    @GET
    @Path("/{connectionId}")
    @APIResponse(responseCode = "200", description = "the connection, with its ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SsoConnectionResponse.class)))
    public Uni<Response> get(@PathParam("organizationId") UUID organizationId, @PathParam("connectionId") UUID connectionId) {
        return gate.require("organization:settings", organizationId)
                .chain(() -> connections.find(organizationId, connectionId))
                .chain(c -> connections.list(organizationId).map(all -> Versions.ok(SsoMapper.toResponse(c, all), c.version)));
    }

    @PUT
    @Path("/{connectionId}")
    @APIResponse(responseCode = "412", description = "If-Match names a version the connection no longer has")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    @APIResponse(responseCode = "200", description = "as it now is, with the new ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SsoConnectionResponse.class)))
    public Uni<Response> change(@PathParam("organizationId") UUID organizationId, @PathParam("connectionId") UUID connectionId,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull SsoConnectionRequest request) {
        Versions.requirePresent(ifMatch);
        return gate.require("organization:settings", organizationId)
                .chain(() -> connections.change(organizationId, connectionId, ifMatch, SsoMapper.toSettings(request)))
                .chain(c -> connections.list(organizationId).map(all -> Versions.ok(SsoMapper.toResponse(c, all), c.version)));
    }

    @DELETE
    @Path("/{connectionId}")
    @APIResponse(responseCode = "204", description = "deleted: sessions it started are refused here at once, Keycloak drops it")
    @APIResponse(responseCode = "409", description = "the organization admits SSO sign-ins only and this is its last connection")
    public Uni<Response> delete(@PathParam("organizationId") UUID organizationId, @PathParam("connectionId") UUID connectionId) {
        return gate.require("organization:settings", organizationId)
                .chain(() -> connections.delete(organizationId, connectionId)).replaceWith(Response.noContent().build());
    }
}
