package dev.orgplatform.org.rest;

import java.util.Base64;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.org.mapping.BrandingMapper;
import dev.orgplatform.org.repository.BrandingRepository;
import dev.orgplatform.org.service.BrandingService;
import dev.orgplatform.org.service.LogoImage;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.platform.security.ServiceRight;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * An organization's branding: colour, mail display name and logo, set on any organization and inherited by those
 * beneath that set none of their own. Read by members and by services sending mail in its name; changed by those who
 * may update the organization.
 */
@Path("/api/v1/organizations/{id}/branding")
@Authenticated
@Tag(name = "Branding")
public class BrandingResource {

    /** Logos change rarely and each version has its own ETag: a browser keeps one for five minutes, then revalidates. */
    private static final int LOGO_MAX_AGE_SECONDS = 300;

    private final BrandingService branding;
    private final AccessGate gate;

    public BrandingResource(BrandingService branding, AccessGate gate) {
        this.branding = branding;
        this.gate = gate;
    }

    @GET
    @Operation(summary = "The organization's own branding and the branding that holds for it (the nearest set up the tree)")
    @APIResponse(responseCode = "200", description = "the own branding and what holds, with an ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BrandingResponse.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return gate.requireOrService("organization:read", id, ServiceRight.BRANDING).chain(() -> branding.branding(id))
                .map(BrandingResource::withETag);
    }

    @PUT
    @Operation(summary = "Replace the organization's own colour and mail display name (null: none of its own); If-Match optional")
    @APIResponse(responseCode = "200", description = "as it now is", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BrandingResponse.class)))
    public Uni<Response> replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull BrandingRequest request) {
        return gate.require("organization:update", id).chain(() -> branding.replace(id, BrandingMapper.toChange(request), ifMatch))
                .map(BrandingResource::withETag);
    }

    @GET
    @Path("/logo")
    @Operation(summary = "The logo that holds for the organization (its own or the nearest above), with caching headers")
    @APIResponse(responseCode = "200", description = "the logo that holds, with ETag and Cache-Control", content = {
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "304", description = "the version named in If-None-Match is still the one")
    @APIResponse(responseCode = "404", description = "no logo is set on it or above it")
    public Uni<Response> logo(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return gate.requireOrService("organization:read", id, ServiceRight.BRANDING).chain(() -> branding.logo(id))
                .map(logo -> served(logo, ifNoneMatch));
    }

    @PUT
    @Path("/logo")
    @Operation(summary = "Set the organization's own logo: PNG or JPEG of 500×500 to 4096×2048 pixels, or an SVG with nothing "
            + "that runs or loads; at most 512 KB, in base64. A refusal names the measured size")
    @APIResponse(responseCode = "200", description = "as it now is", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BrandingResponse.class)))
    @APIResponse(responseCode = "400", description = "not PNG, JPEG or SVG, not what mediaType says, a raster out of bounds (width and height measured), an SVG that runs or loads something")
    public Uni<Response> setLogo(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull LogoRequest request) {
        return gate.require("organization:update", id)
                .chain(() -> branding.setLogo(id, LogoImage.of(request.mediaType(), decode(request.data())), ifMatch))
                .map(BrandingResource::withETag);
    }

    @DELETE
    @Path("/logo")
    @Operation(summary = "Remove the organization's own logo (the nearest above then holds)")
    @APIResponse(responseCode = "200", description = "as it now is", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BrandingResponse.class)))
    public Uni<Response> removeLogo(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return gate.require("organization:update", id).chain(() -> branding.removeLogo(id, ifMatch)).map(BrandingResource::withETag);
    }

    private static Response withETag(BrandingService.Branding b) {
        return Versions.ok(BrandingMapper.toResponse(b), BrandingMapper.version(b));
    }

    private static Response served(BrandingRepository.Logo logo, String ifNoneMatch) {
        EntityTag tag = new EntityTag(logo.sha256());
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(LOGO_MAX_AGE_SECONDS);
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + logo.sha256() + "\"") || ifNoneMatch.trim().equals("*"))) {
            return Response.notModified(tag).cacheControl(cache).build();
        }
        Response.ResponseBuilder ok = Response.ok(logo.bytes(), logo.mediaType()).tag(tag).cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff");
        if (LogoImage.SVG.equals(logo.mediaType())) {
            // shown as an image it runs nothing anyway; opened on its own it still may not
            ok.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
        }
        return ok.build();
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("data", "is not base64: " + e.getMessage());
        }
    }
}
