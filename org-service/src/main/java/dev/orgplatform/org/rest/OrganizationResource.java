package dev.orgplatform.org.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.org.Organization;
import dev.orgplatform.org.OrganizationState;
import dev.orgplatform.org.Region;
import dev.orgplatform.org.mapping.OrganizationMapper;
import dev.orgplatform.org.repository.OrganizationRepository.SearchFilter;
import dev.orgplatform.org.service.ManagedFromAbove;
import dev.orgplatform.org.service.OrganizationDeletionService;
import dev.orgplatform.org.service.OrganizationSearchService;
import dev.orgplatform.org.service.OrganizationService;
import dev.orgplatform.org.service.OwnershipService;
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

/** Organizations: every endpoint on one asks the AccessGate first (404 to whoever may not see it), then the service. */
@Path("/api/v1/organizations")
@Authenticated
@Tag(name = "Organizations")
public class OrganizationResource {

    private final OrganizationService service;
    private final OrganizationSearchService search;
    private final OrganizationDeletionService deletions;
    private final OwnershipService ownership;
    private final AccessGate gate;
    private final Caller caller;

    public OrganizationResource(OrganizationService service, OrganizationSearchService search, OrganizationDeletionService deletions,
            OwnershipService ownership, AccessGate gate, Caller caller) {
        this.service = service;
        this.search = search;
        this.deletions = deletions;
        this.ownership = ownership;
        this.gate = gate;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a top-level organization; the caller becomes its Owner")
    @APIResponse(responseCode = "201", description = "created, with its ETag and Location; the caller is its Owner", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationResponse.class)))
    public Uni<Response> create(@Valid @NotNull CreateOrganizationRequest request) {
        return service.createRoot(OrganizationMapper.toNew(request), caller.userId(), caller.email())
                .map(o -> Versions.created(URI.create("/api/v1/organizations/" + o.id), OrganizationMapper.toResponse(o), o.version));
    }

    @GET
    @Operation(summary = "Search the organizations the caller may read, by name (prefix), display name (part), region, state, parent, "
            + "sub-organization type")
    public Uni<Page<OrganizationResponse>> search(@QueryParam("name") String name, @QueryParam("displayName") String displayName,
            @QueryParam("region") String region, @QueryParam("state") String state, @QueryParam("parentId") String parentId,
            @QueryParam("type") String type, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        OrganizationState inState = QueryParams.enumValue(OrganizationState.class, state, "state");
        SearchFilter filter = new SearchFilter(QueryParams.text(name), QueryParams.text(displayName),
                QueryParams.enumValue(Region.class, region, "region"), inState == null ? OrganizationState.ACTIVE : inState,
                QueryParams.uuid(parentId, "parentId"), QueryParams.text(type));
        return search.search(filter, Cursor.limit(limit, 20, 100), cursor).map(page -> page.map(OrganizationMapper::toResponse));
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "the organization, with its ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationResponse.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return gate.require("organization:read", id).chain(() -> service.findAvailable(id)).map(OrganizationResource::withETag);
    }

    @PATCH
    @Operation(summary = "Change some general fields (absent ones stay); If-Match required")
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "as it now is, with the new ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationResponse.class)))
    public Uni<Response> patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UpdateOrganizationRequest request) {
        return update(id, ifMatch, request, false);
    }

    @PUT
    @Operation(summary = "Replace the general fields (absent optional ones are cleared); If-Match required")
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "as it now is, with the new ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationResponse.class)))
    public Uni<Response> put(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UpdateOrganizationRequest request) {
        return update(id, ifMatch, request, true);
    }

    private Uni<Response> update(UUID id, String ifMatch, UpdateOrganizationRequest request, boolean replace) {
        Versions.requirePresent(ifMatch);
        return gate.require("organization:update", id)
                .chain(() -> service.update(id, OrganizationMapper.toChange(request), ifMatch, replace))
                .map(OrganizationResource::withETag);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Schedule the deletion (a root: its Owner; a sub-organization: Owners and Admins of its parent or "
            + "higher); ?confirm= must be the organization's name. 409 lists every unmet precondition")
    @APIResponse(responseCode = "202", description = "scheduled: PENDING_DELETION until purgeAfter", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeletionResponse.class)))
    @APIResponse(responseCode = "409", description = "a precondition is unmet: unmet lists each with its detail")
    public Uni<Response> delete(@PathParam("id") UUID id, @QueryParam("confirm") @NotBlank String confirm) {
        return service.findAvailable(id).call(o -> ask(id, ManagedFromAbove.toDelete(o), true))
                .chain(() -> deletions.requestDeletion(id, confirm, caller.userId()))
                .map(o -> Response.accepted(new DeletionResponse(o.id, o.state, o.purgeAfter)).build());
    }

    @POST
    @Path("/{id}/restore")
    @Operation(summary = "Undo a scheduled deletion within its grace period (as the deletion: a root's Owner, a "
            + "sub-organization's Owners and Admins above)")
    @APIResponse(responseCode = "200", description = "ACTIVE again", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationResponse.class)))
    @APIResponse(responseCode = "409", description = "it is not pending deletion")
    public Uni<Response> restore(@PathParam("id") UUID id) {
        UUID user = caller.userId();
        // read first: the check no longer sees an organization pending deletion (ManagedFromAbove says who may)
        return deletions.findRestorable(id)
                // that it is not pending deletion is told only to whoever may read it; anyone else learns nothing
                .onFailure(OrganizationResource::notPending).recoverWithUni(e -> gate.require("organization:read", id)
                        .chain(() -> Uni.createFrom().<Organization>failure(e)))
                .call(o -> ManagedFromAbove.restoredUnasked(o, user) ? Uni.createFrom().voidItem()
                        : ask(id, ManagedFromAbove.toRestore(o), false))
                .chain(() -> deletions.restore(id, user)).map(OrganizationResource::withETag);
    }

    /**
     * Asks the gate; for a question on the parent, a refusal never names the parent: whoever may see the organization
     * ({@code visible}: the check still shows it) is told 403, anyone else the same 404 as for an unknown id.
     */
    private Uni<AccessDecision> ask(UUID id, ManagedFromAbove.Question q, boolean visible) {
        if (q.organizationId().equals(id)) {
            return gate.require(q.permission(), id);
        }
        Uni<Void> seen = visible ? gate.require("organization:read", id).replaceWithVoid() : Uni.createFrom().voidItem();
        return seen.chain(() -> gate.require(q.permission(), q.organizationId())
                .onFailure(e -> e instanceof ProblemException p && p.status() == 404).transform(e -> visible
                        ? ProblemException.forbidden("a sub-organization is managed from above: its parent's Owners and Admins "
                                + "delete and restore it")
                        : ProblemException.notFound("organization " + id)));
    }

    @POST
    @Path("/{id}/ownership")
    @Operation(summary = "Transfer ownership to an existing member (Owner); the old Owner becomes Admin")
    @APIResponse(responseCode = "200", description = "the organization with its new Owner", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationResponse.class)))
    public Uni<Response> transfer(@PathParam("id") UUID id, @Valid @NotNull TransferOwnershipRequest request) {
        return gate.require("organization:transfer", id).chain(() -> ownership.transfer(id, request.newOwnerId()))
                .map(OrganizationResource::withETag);
    }

    private static boolean notPending(Throwable e) {
        return e instanceof ProblemException p && p.status() == 409;
    }

    private static Response withETag(Organization o) {
        return Versions.ok(OrganizationMapper.toResponse(o), o.version);
    }
}
