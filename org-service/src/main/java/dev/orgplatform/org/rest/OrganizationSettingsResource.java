package dev.orgplatform.org.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.org.OrganizationSettings;
import dev.orgplatform.org.mapping.OrganizationMapper;
import dev.orgplatform.org.service.OrganizationSettingsService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Security and billing-contact settings (Owner and Admin: {@code organization:settings}). */
@Path("/api/v1/organizations/{id}/settings")
@Authenticated
@Tag(name = "Organization settings")
public class OrganizationSettingsResource {

    private final OrganizationSettingsService settings;
    private final OrganizationAccess gate;

    public OrganizationSettingsResource(OrganizationSettingsService settings, OrganizationAccess gate) {
        this.settings = settings;
        this.gate = gate;
    }

    @GET
    @Operation(summary = "The organization's own settings")
    public Uni<Response> own(@PathParam("id") UUID id) {
        return gate.require(id, "organization:settings").chain(() -> settings.own(id)).map(OrganizationSettingsResource::withETag);
    }

    @PUT
    @Operation(summary = "Replace the organization's own settings; If-Match required")
    public Uni<Response> replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull SettingsRequest request) {
        OrganizationAccess.requireIfMatchPresent(ifMatch);
        return gate.require(id, "organization:settings").chain(() -> settings.replace(id, request, ifMatch))
                .map(OrganizationSettingsResource::withETag);
    }

    @GET
    @Path("/effective")
    @Operation(summary = "The settings that hold: the strictest of its own and its ancestors'")
    public Uni<EffectiveSettingsResponse> effective(@PathParam("id") UUID id) {
        return gate.require(id, "organization:settings").chain(() -> settings.effective(id));
    }

    private static Response withETag(OrganizationSettings s) {
        return Response.ok(OrganizationMapper.toResponse(s)).tag(Long.toString(s.version)).build();
    }
}
