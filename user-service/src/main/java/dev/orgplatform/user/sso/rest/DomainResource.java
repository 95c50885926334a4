package dev.orgplatform.user.sso.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.user.sso.mapping.SsoMapper;
import dev.orgplatform.user.sso.service.DomainService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Email domains the organization claims and proves by a DNS TXT record; verified ones route logins to its SSO connections. */
@Path("/api/v1/organizations/{organizationId}/domains")
@Authenticated
@Tag(name = "SSO")
public class DomainResource {

    private final DomainService domains;
    private final AccessGate gate;

    public DomainResource(DomainService domains, AccessGate gate) {
        this.domains = domains;
        this.gate = gate;
    }

    @POST
    @APIResponse(responseCode = "201", description = "claimed: publish the TXT record it names, then verify",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DomainResponse.class)))
    @APIResponse(responseCode = "409", description = "claimed here already, or verified by another organization")
    public Uni<Response> claim(@PathParam("organizationId") UUID organizationId, @Valid @NotNull DomainRequest request) {
        return gate.require("organization:settings", organizationId)
                .chain(() -> domains.claim(organizationId, request.domain()))
                .map(d -> Response.created(URI.create("/api/v1/organizations/" + organizationId + "/domains/" + d.id))
                        .entity(SsoMapper.toResponse(d)).build());
    }

    @GET
    public Uni<List<DomainResponse>> list(@PathParam("organizationId") UUID organizationId) {
        return gate.require("organization:settings", organizationId)
                .chain(() -> domains.list(organizationId)).map(all -> all.stream().map(SsoMapper::toResponse).toList());
    }

    @GET
    @Path("/{domainId}")
    public Uni<DomainResponse> get(@PathParam("organizationId") UUID organizationId, @PathParam("domainId") UUID domainId) {
        return gate.require("organization:settings", organizationId)
                .chain(() -> domains.find(organizationId, domainId)).map(SsoMapper::toResponse);
    }

    @POST
    @Path("/{domainId}/verify")
    @APIResponse(responseCode = "200", description = "the outcome: state VERIFIED, or FAILED with checkFailure saying what DNS answered")
    @APIResponse(responseCode = "503", description = "DNS did not answer; nothing changed")
    public Uni<DomainResponse> verify(@PathParam("organizationId") UUID organizationId, @PathParam("domainId") UUID domainId) {
        return gate.require("organization:settings", organizationId)
                .chain(() -> domains.verify(organizationId, domainId)).map(SsoMapper::toResponse);
    }

    @DELETE
    @Path("/{domainId}")
    @APIResponse(responseCode = "204", description = "no longer claimed; its logins are no longer routed here")
    public Uni<Response> remove(@PathParam("organizationId") UUID organizationId, @PathParam("domainId") UUID domainId) {
        return gate.require("organization:settings", organizationId)
                .chain(() -> domains.remove(organizationId, domainId)).replaceWith(Response.noContent().build());
    }
}
