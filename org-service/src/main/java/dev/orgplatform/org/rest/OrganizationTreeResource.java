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
import dev.orgplatform.org.mapping.TreeMapper;
import dev.orgplatform.org.service.OrganizationTreeService;
import dev.orgplatform.org.service.SubOrganizationType;
import dev.orgplatform.platform.problem.FieldError;
import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.rest.QueryParams;
import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The organization tree: sub-organizations, ancestors, subtree, and moving a subtree. */
@Path("/api/v1/organizations/{id}")
@Authenticated
@Tag(name = "Organization tree")
public class OrganizationTreeResource {

    private final OrganizationTreeService tree;
    private final AccessGate gate;
    private final Caller caller;

    public OrganizationTreeResource(OrganizationTreeService tree, AccessGate gate, Caller caller) {
        this.tree = tree;
        this.gate = gate;
        this.caller = caller;
    }

    @POST
    @Path("/children")
    @Operation(summary = "Create a sub-organization (at most 4 levels; it has no Owner: it is managed from above). Sub-organizations "
            + "come with the Pro plan and higher: on Free and Plus, 409 \"Not in plan\" naming the plan")
    @APIResponse(responseCode = "201", description = "created, with its ETag and Location", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationResponse.class)))
    public Uni<Response> createChild(@PathParam("id") UUID id, @Valid @NotNull CreateChildRequest request) {
        UUID creator = caller.userId();
        String email = caller.email();
        return gate.require("organization:create-child", id)
                .chain(() -> tree.createChild(id, OrganizationMapper.toNew(request), creator, email))
                .map(o -> Versions.created(URI.create("/api/v1/organizations/" + o.id), OrganizationMapper.toResponse(o), o.version));
    }

    @GET
    @Path("/children")
    public Uni<Page<OrganizationResponse>> children(@PathParam("id") UUID id, @QueryParam("type") String type,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursor.limit(limit, 20, 100);
        return gate.require("organization:read", id).chain(() -> tree.children(id, QueryParams.text(type), size, cursor))
                .map(page -> page.map(OrganizationMapper::toResponse));
    }

    @GET
    @Path("/sub-organization-types")
    @Operation(summary = "The types a sub-organization may have (configured): the first is the default; any other needs a plan with "
            + "subOrganizationTypes (Business and higher)")
    public Uni<SubOrganizationTypesResponse> subOrganizationTypes(@PathParam("id") UUID id) {
        return gate.require("organization:read", id).map(allowed -> tree.subOrganizationTypes())
                .map(types -> new SubOrganizationTypesResponse(types.get(0), types, SubOrganizationType.FEATURE));
    }

    @GET
    @Path("/ancestors")
    @Operation(summary = "The organizations above this one, root first (at most three: no pagination needed)")
    public Uni<List<OrganizationResponse>> ancestors(@PathParam("id") UUID id) {
        return gate.require("organization:read", id).chain(() -> tree.ancestors(id))
                .map(all -> all.stream().map(OrganizationMapper::toResponse).toList());
    }

    @GET
    @Path("/subtree")
    public Uni<TreeNode> subtree(@PathParam("id") UUID id) {
        return gate.require("organization:read", id).chain(() -> tree.subtree(id)).map(TreeMapper::toTree);
    }

    @POST
    @Path("/move")
    @Operation(summary = "Move this subtree under another parent of the same root tree; dryRun previews the resulting subtree")
    public Uni<MoveResponse> move(@PathParam("id") UUID id, @Valid @NotNull MoveRequest request) {
        UUID target = request.newParentId();
        // built now, inside the request; asked only once the organization itself passed
        Uni<AccessDecision> intoTarget = gate.require("organization:create-child", target)
                .onFailure(ProblemException.class).transform(e -> namingNewParent((ProblemException) e));
        return gate.require("organization:update", id).chain(() -> intoTarget)
                .chain(() -> tree.move(id, target, request.dryRun())).map(TreeMapper::toResponse);
    }

    /** A refusal about the target (404: the caller may not see it; 403: may not add children there) names {@code newParentId}. */
    private static ProblemException namingNewParent(ProblemException e) {
        if (e.status() != 404 && e.status() != 403) {
            return e;
        }
        return new ProblemException(e.status(), e.title(), e.getMessage(), List.of(new FieldError("newParentId", e.getMessage())),
                e.extensions());
    }
}
