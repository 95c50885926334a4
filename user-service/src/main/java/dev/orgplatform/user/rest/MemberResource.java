package dev.orgplatform.user.rest;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.rest.Cursor;
import dev.orgplatform.platform.rest.Page;
import dev.orgplatform.user.Role;
import dev.orgplatform.user.UserStatus;
import dev.orgplatform.user.mapping.MembershipMapper;
import dev.orgplatform.user.service.MembershipService;
import dev.orgplatform.user.service.ProductPermissionService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/organizations/{organizationId}/members")
@Authenticated
@Tag(name = "Members")
public class MemberResource {

    public record ChangeRole(@NotNull Role role) {
    }

    public record ProductPermissionsRequest(@NotNull @Size(max = 8) Set<String> permissions) {
    }

    public record ProductPermissionsResponse(UUID userId, String productId, Set<String> permissions) {
    }

    private final MembershipService memberships;
    private final ProductPermissionService products;
    private final Permissions permissions;

    public MemberResource(MembershipService memberships, ProductPermissionService products, Permissions permissions) {
        this.memberships = memberships;
        this.products = products;
        this.permissions = permissions;
    }

    @GET
    @Operation(summary = "Members in the order they joined, filtered by role, team (id or name) and status")
    public Uni<Page<MemberResponse>> list(@PathParam("organizationId") UUID organizationId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @QueryParam("role") String role, @QueryParam("team") String team,
            @QueryParam("status") String status) {
        var filter = new MembershipService.MemberFilter(Permissions.parse(Role.class, role, "role"),
                team == null || team.isBlank() ? null : team, Permissions.parse(UserStatus.class, status, "status"));
        int size = Cursor.limit(limit, 50, 200);
        return permissions.requireRead("member:read", organizationId)
                .chain(() -> memberships.members(organizationId, filter, size, cursor))
                .map(page -> page.map(m -> MembershipMapper.toResponse(m.membership(), m.teams(), m.status())));
    }

    @GET
    @Path("/{userId}")
    public Uni<Response> get(@PathParam("organizationId") UUID organizationId, @PathParam("userId") UUID userId) {
        return permissions.requireRead("member:read", organizationId)
                .chain(() -> memberships.member(organizationId, userId))
                .map(m -> Response.ok(MembershipMapper.toResponse(m.membership(), m.teams(), m.status()))
                        .tag(Long.toString(m.membership().version)).build());
    }

    @PATCH
    @Path("/{userId}")
    @Operation(summary = "Change a member's role (never above the caller's own; OWNER only by ownership transfer)")
    public Uni<Response> changeRole(@PathParam("organizationId") UUID organizationId, @PathParam("userId") UUID userId,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ChangeRole request) {
        return permissions.require("member:manage", organizationId)
                .chain(callerRole -> memberships.changeRole(organizationId, userId, callerRole, request.role(), ifMatch))
                .map(m -> Response.ok(MembershipMapper.toResponse(m.membership(), m.teams(), m.status()))
                        .tag(Long.toString(m.membership().version)).build());
    }

    @DELETE
    @Path("/{userId}")
    public Uni<Response> remove(@PathParam("organizationId") UUID organizationId, @PathParam("userId") UUID userId) {
        return permissions.require("member:manage", organizationId)
                .chain(callerRole -> memberships.remove(organizationId, userId, callerRole))
                .map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/{userId}/products/{productId}/permissions")
    public Uni<ProductPermissionsResponse> productPermissions(@PathParam("organizationId") UUID organizationId,
            @PathParam("userId") UUID userId, @PathParam("productId") String productId) {
        return permissions.requireRead("member:read", organizationId)
                .chain(() -> products.permissions(organizationId, userId, productId))
                .map(granted -> new ProductPermissionsResponse(userId, productId, granted));
    }

    @PUT
    @Path("/{userId}/products/{productId}/permissions")
    @Operation(summary = "Grant a member these rights on one product, beyond their role (replaces what they had there)")
    public Uni<ProductPermissionsResponse> grantProductPermissions(@PathParam("organizationId") UUID organizationId,
            @PathParam("userId") UUID userId, @PathParam("productId") String productId,
            @Valid @NotNull ProductPermissionsRequest request) {
        return permissions.require("member:manage", organizationId)
                .chain(() -> products.replace(organizationId, userId, productId, request.permissions()))
                .map(granted -> new ProductPermissionsResponse(userId, productId, granted));
    }

    @DELETE
    @Path("/{userId}/products/{productId}/permissions")
    public Uni<Response> revokeProductPermissions(@PathParam("organizationId") UUID organizationId,
            @PathParam("userId") UUID userId, @PathParam("productId") String productId) {
        return permissions.require("member:manage", organizationId)
                .chain(() -> products.replace(organizationId, userId, productId, Set.of()))
                .map(ignored -> Response.noContent().build());
    }
}
