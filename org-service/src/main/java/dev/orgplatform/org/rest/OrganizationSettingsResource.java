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
import dev.orgplatform.org.mapping.SettingsMapper;
import dev.orgplatform.org.service.OrganizationSettingsService;
import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.platform.security.AccessGate;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Security and billing-contact settings (Owner and Admin: {@code organization:settings}). */
@Path("/api/v1/organizations/{id}/settings")
@Authenticated
@Tag(name = "Organization settings")
public class OrganizationSettingsResource {

    private static final String PERMISSION = "organization:settings";

    private final OrganizationSettingsService settings;
    private final AccessGate gate;

    public OrganizationSettingsResource(OrganizationSettingsService settings, AccessGate gate) {
        this.settings = settings;
        this.gate = gate;
    }

    @GET
    @Operation(summary = "The organization's own settings")
    public Uni<Response> own(@PathParam("id") UUID id) {
        return gate.require(PERMISSION, id).chain(() -> settings.own(id)).map(OrganizationSettingsResource::withETag);
    }

    @PUT
    @Operation(summary = "Replace the organization's own settings; If-Match required")
    public Uni<Response> replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull SettingsRequest request) {
        Versions.requirePresent(ifMatch);
        return gate.require(PERMISSION, id).chain(() -> settings.replace(id, SettingsMapper.toChange(request), ifMatch))
                .map(OrganizationSettingsResource::withETag);
    }

    @GET
    @Path("/effective")
    @Operation(summary = "The settings that hold: the strictest of its own and its ancestors'")
    public Uni<EffectiveSettingsResponse> effective(@PathParam("id") UUID id) {
        return gate.require(PERMISSION, id).chain(() -> settings.effective(id)).map(SettingsMapper::toResponse);
    }

    private static Response withETag(OrganizationSettings s) {
        return Versions.ok(SettingsMapper.toResponse(s), s.version);
    }
}
