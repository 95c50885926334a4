package dev.orgplatform.user.membership.rest;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import dev.orgplatform.platform.security.ServiceRight;
import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.platform.rest.QueryParams;
import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.membership.UserStatus;
import dev.orgplatform.user.membership.mapping.MembershipMapper;
import dev.orgplatform.user.membership.service.MemberTransferService;
import dev.orgplatform.user.membership.service.MembershipService;
import dev.orgplatform.user.membership.service.ProductPermissionService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/organizations/{organizationId}/members")
@Authenticated
@Tag(name = "Members")
public class MemberResource {

    public record ChangeRole(@NotNull Role role) {
    }

    /** Where the member goes (an organization of the same tree) and their role there. */
    public record TransferMember(@NotNull UUID toOrganizationId, @NotNull Role role) {
    }

    public record ProductPermissionsRequest(@NotNull @Size(max = 8) Set<String> permissions) {
    }

    public record ProductPermissionsResponse(UUID userId, String productId, Set<String> permissions) {
    }

    private final MembershipService memberships;
    private final MemberTransferService transfers;
    private final ProductPermissionService products;
    private final AccessGate gate;

    public MemberResource(MembershipService memberships, MemberTransferService transfers, ProductPermissionService products,
            AccessGate gate) {
        this.memberships = memberships;
        this.transfers = transfers;
        this.products = products;
        this.gate = gate;
    }

    @GET
    @Operation(summary = "Members in the order they joined, filtered by role, team (id or name) and status")
    public Uni<Page<MemberResponse>> list(@PathParam("organizationId") UUID organizationId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @QueryParam("role") String role, @QueryParam("team") String team,
            @QueryParam("status") String status) {
        var filter = new MembershipService.MemberFilter(QueryParams.enumValue(Role.class, role, "role"), QueryParams.text(team),
                QueryParams.enumValue(UserStatus.class, status, "status"));
        int size = Cursor.limit(limit, 50, 200);
        return gate.requireOrService("member:read", organizationId, ServiceRight.MEMBER_LISTS)
                .chain(() -> memberships.members(organizationId, filter, size, cursor))
                .map(page -> page.map(MembershipMapper::toResponse));
    }

    @GET
    @Path("/{userId}")
    @APIResponse(responseCode = "200", description = "the member, with an ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberResponse.class)))
    public Uni<Response> get(@PathParam("organizationId") UUID organizationId, @PathParam("userId") UUID userId) {
        return gate.requireOrService("member:read", organizationId, ServiceRight.MEMBER_LISTS)
                .chain(() -> memberships.member(organizationId, userId))
                .map(m -> Versions.ok(MembershipMapper.toResponse(m), m.membership().version));
    }

    @PATCH
    @Path("/{userId}")
    @Operation(summary = "Change a member's role (never above the caller's own; OWNER only by ownership transfer)")
    @APIResponse(responseCode = "200", description = "the member with the new role, with an ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberResponse.class)))
    public Uni<Response> changeRole(@PathParam("organizationId") UUID organizationId, @PathParam("userId") UUID userId,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ChangeRole request) {
        return gate.requireRole("member:manage", organizationId)
                .chain(callerRole -> memberships.changeRole(organizationId, userId, callerRole, request.role(), ifMatch))
                .map(m -> Versions.ok(MembershipMapper.toResponse(m), m.membership().version));
    }

    @DELETE
    @Path("/{userId}")
    @APIResponse(responseCode = "204", description = "removed with their teams, product permissions and API keys here")
    public Uni<Response> remove(@PathParam("organizationId") UUID organizationId, @PathParam("userId") UUID userId) {
        return gate.requireRole("member:manage", organizationId)
                .chain(callerRole -> memberships.remove(organizationId, userId, callerRole))
                .map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{userId}/transfer")
    @Operation(summary = "Move a member to another organization of the same tree, with a role there (for who manages members on both sides)")
    @APIResponse(responseCode = "200", description = "the member where they arrived, with an ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "409", description = "another tree, the Owner, suspended here, or already there (the field named)")
    public Uni<Response> transfer(@PathParam("organizationId") UUID organizationId, @PathParam("userId") UUID userId,
            @Valid @NotNull TransferMember request) {
        UUID to = request.toOrganizationId();
        return gate.requireRole("member:manage", organizationId)
                .chain(inSource -> gate.requireRole("member:manage", to).chain(inTarget -> transfers.transfer(
                        new MemberTransferService.Transfer(organizationId, userId, to, request.role()), inSource, inTarget)))
                .chain(moved -> memberships.member(to, userId))
                .map(m -> Versions.ok(MembershipMapper.toResponse(m), m.membership().version));
    }

    @GET
    @Path("/{userId}/products/{productId}/permissions")
    public Uni<ProductPermissionsResponse> productPermissions(@PathParam("organizationId") UUID organizationId,
            @PathParam("userId") UUID userId, @PathParam("productId") String productId) {
        return gate.requireOrService("member:read", organizationId, ServiceRight.MEMBER_LISTS)
                .chain(() -> products.permissions(organizationId, userId, productId))
                .map(granted -> new ProductPermissionsResponse(userId, productId, granted));
    }

    @GET
    @Path("/{userId}/products")
    @Operation(summary = "The member's rights on every product they hold any on, beyond their role")
    public Uni<List<ProductPermissionsResponse>> allProductPermissions(@PathParam("organizationId") UUID organizationId,
            @PathParam("userId") UUID userId) {
        return gate.requireOrService("member:read", organizationId, ServiceRight.MEMBER_LISTS)
                .chain(() -> products.allPermissions(organizationId, userId))
                .map(byProduct -> byProduct.entrySet().stream()
                        .map(e -> new ProductPermissionsResponse(userId, e.getKey(), e.getValue())).toList());
    }

    @PUT
    @Path("/{userId}/products/{productId}/permissions")
    @Operation(summary = "Grant a member these rights on one product, beyond their role (replaces what they had there)")
    public Uni<ProductPermissionsResponse> grantProductPermissions(@PathParam("organizationId") UUID organizationId,
            @PathParam("userId") UUID userId, @PathParam("productId") String productId,
            @Valid @NotNull ProductPermissionsRequest request) {
        return gate.require("member:manage", organizationId)
                .chain(() -> products.replace(organizationId, userId, productId, request.permissions()))
                .map(granted -> new ProductPermissionsResponse(userId, productId, granted));
    }

    @DELETE
    @Path("/{userId}/products/{productId}/permissions")
    @APIResponse(responseCode = "204", description = "revoked")
    public Uni<Response> revokeProductPermissions(@PathParam("organizationId") UUID organizationId,
            @PathParam("userId") UUID userId, @PathParam("productId") String productId) {
        return gate.require("member:manage", organizationId)
                .chain(() -> products.replace(organizationId, userId, productId, Set.of()))
                .map(ignored -> Response.noContent().build());
    }
}
