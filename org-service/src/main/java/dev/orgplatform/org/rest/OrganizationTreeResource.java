package dev.orgplatform.org.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.org.mapping.OrganizationMapper;
import dev.orgplatform.org.service.OrganizationService;
import dev.orgplatform.org.service.OrganizationTreeService;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.security.AccessPolicy;
import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The organization tree: sub-organizations, ancestors, subtree, and moving a subtree. */
@Path("/api/v1/organizations/{id}")
@Authenticated
@Tag(name = "Organization tree")
public class OrganizationTreeResource {

    private final OrganizationTreeService tree;
    private final OrganizationAccess gate;
    private final AccessPolicy access;
    private final Caller caller;

    public OrganizationTreeResource(OrganizationTreeService tree, OrganizationAccess gate, AccessPolicy access, Caller caller) {
        this.tree = tree;
        this.gate = gate;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @Path("/children")
    @Operation(summary = "Create a sub-organization (at most 4 levels); the caller becomes its Owner")
    public Uni<Response> createChild(@PathParam("id") UUID id, @Valid @NotNull CreateChildRequest request) {
        UUID creator = caller.userId();
        String email = caller.email();
        return gate.require(id, "organization:create-child")
                .chain(() -> tree.createChild(id, new OrganizationService.NewOrganization(request.name(), request.displayName(),
                        request.description(), request.contactEmail(), request.region()), creator, email))
                .map(o -> Response.created(URI.create("/api/v1/organizations/" + o.id)).entity(OrganizationMapper.toResponse(o))
                        .tag(Long.toString(o.version)).build());
    }

    @GET
    @Path("/children")
    public Uni<Page<OrganizationResponse>> children(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Cursor.limit(limit, 20, 100);
        return gate.require(id, "organization:read").chain(() -> tree.children(id, size, cursor))
                .map(page -> page.map(OrganizationMapper::toResponse));
    }

    @GET
    @Path("/ancestors")
    @Operation(summary = "The organizations above this one, root first (at most three: no pagination needed)")
    public Uni<List<OrganizationResponse>> ancestors(@PathParam("id") UUID id) {
        return gate.require(id, "organization:read").chain(() -> tree.ancestors(id))
                .map(all -> all.stream().map(OrganizationMapper::toResponse).toList());
    }

    @GET
    @Path("/subtree")
    public Uni<TreeNode> subtree(@PathParam("id") UUID id) {
        return gate.require(id, "organization:read").chain(() -> tree.subtree(id));
    }

    @POST
    @Path("/move")
    @Operation(summary = "Move this subtree under another parent of the same root tree; dryRun previews the resulting subtree")
    public Uni<MoveResponse> move(@PathParam("id") UUID id, @Valid @NotNull MoveRequest request) {
        AccessQuery intoTarget = caller.may("organization:create-child", request.newParentId());
        return gate.require(id, "organization:update").call(() -> access.require(intoTarget))
                .chain(() -> tree.move(id, request.newParentId(), request.dryRun()));
    }
}
