package dev.orgplatform.org.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.org.OrganizationSettings;
import dev.orgplatform.org.mapping.SettingsMapper;
import dev.orgplatform.org.service.OrganizationSettingsService;
import dev.orgplatform.platform.net.ClientAddress;
import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.platform.security.AccessGate;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Security and billing-contact settings (Owner and Admin: {@code organization:settings}). */
@Path("/api/v1/organizations/{id}/settings")
@Authenticated
@Tag(name = "Organization settings")
public class OrganizationSettingsResource {

    private static final String PERMISSION = "organization:settings";

    private final OrganizationSettingsService settings;
    private final AccessGate gate;
    private final ClientAddress clientAddress;

    public OrganizationSettingsResource(OrganizationSettingsService settings, AccessGate gate, ClientAddress clientAddress) {
        this.settings = settings;
        this.gate = gate;
        this.clientAddress = clientAddress;
    }

    @GET
    @Operation(summary = "The organization's own settings")
    @APIResponse(responseCode = "200", description = "its own settings, with an ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettingsResponse.class)))
    public Uni<Response> own(@PathParam("id") UUID id) {
        return gate.requireUnlessOperator(PERMISSION, id).chain(() -> settings.own(id)).map(OrganizationSettingsResource::withETag);
    }

    @PUT
    @Operation(summary = "Replace the organization's own settings; If-Match required. An IP allowlist that would refuse the "
            + "caller's own address is refused (409) unless ?confirm=lockout. Platform operators may replace any organization's")
    @APIResponse(responseCode = "200", description = "as they now are, with the new ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettingsResponse.class)))
    public Uni<Response> replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @QueryParam("confirm") String confirm,
            @Valid @NotNull SettingsRequest request) {
        Versions.requirePresent(ifMatch);
        // a platform operator is bound by no organization's allowlist: nothing to shut them out of
        return gate.requireUnlessOperator(PERMISSION, id).chain(operator -> settings.replace(id, SettingsMapper.toChange(request), ifMatch,
                clientAddress.current(), operator || "lockout".equals(confirm))).map(OrganizationSettingsResource::withETag);
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
