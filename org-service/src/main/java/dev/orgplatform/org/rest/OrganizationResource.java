package dev.orgplatform.org.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.org.mapping.OrganizationMapper;
import dev.orgplatform.org.service.OrganizationService;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/organizations")
@Authenticated
@Tag(name = "Organizations")
public class OrganizationResource {

    private final OrganizationService service;
    private final AccessPolicy access;
    private final Caller caller;

    public OrganizationResource(OrganizationService service, AccessPolicy access, Caller caller) {
        this.service = service;
        this.access = access;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateOrganizationRequest request) {
        return service.createRoot(request, caller.userId(), caller.email())
                .map(o -> Response.created(URI.create("/api/v1/organizations/" + o.id)).entity(OrganizationMapper.toResponse(o))
                        .tag(Long.toString(o.version)).build());
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return access.require(caller.may("organization:read", id))
                .chain(() -> service.findAvailable(id))
                .map(o -> Response.ok(OrganizationMapper.toResponse(o)).tag(Long.toString(o.version)).build());
    }
}
