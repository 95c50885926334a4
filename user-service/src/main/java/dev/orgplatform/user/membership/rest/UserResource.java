package dev.orgplatform.user.membership.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.platform.security.Role;
import dev.orgplatform.user.access.RolePermissions;
import dev.orgplatform.user.membership.mapping.ProfileMapper;
import dev.orgplatform.user.membership.service.MembershipService;
import dev.orgplatform.user.membership.service.UserProfileService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The caller's own profile and organizations. Rooted at /api/v1 like every user-level resource: a longer class
 * path here would capture /api/v1/users/me/audit.
 */
@Path("/api/v1")
@Authenticated
@Tag(name = "Users")
public class UserResource {

    public record MyOrganization(UUID organizationId, Role role, Instant since) {
    }

    /** What the caller may do in one organization: their effective role there (own or inherited) and its permissions. */
    public record MyAccess(UUID organizationId, Role role, List<String> permissions) {
    }

    private final UserProfileService profiles;
    private final MembershipService memberships;
    private final Caller caller;
    private final AccessGate gate;

    public UserResource(UserProfileService profiles, MembershipService memberships, Caller caller, AccessGate gate) {
        this.profiles = profiles;
        this.memberships = memberships;
        this.caller = caller;
        this.gate = gate;
    }

    @GET
    @Path("/users/me")
    @APIResponse(responseCode = "200", description = "the caller's profile, with its ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProfileResponse.class)))
    public Uni<Response> me() {
        return profiles.find(caller.userId()).map(p -> Versions.ok(ProfileMapper.toResponse(p), p.version));
    }

    @PATCH
    @Path("/users/me")
    @Operation(summary = "Edit my profile (name, avatarUrl, timezone, language; email is immutable); If-Match required")
    @APIResponse(responseCode = "200", description = "as it now is, with the new ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProfileResponse.class)))
    public Uni<Response> update(@HeaderParam("If-Match") String ifMatch, @Valid @NotNull ProfileUpdate change) {
        return profiles.update(caller.userId(), ifMatch, ProfileMapper.toChange(change.validated()))
                .map(p -> Versions.ok(ProfileMapper.toResponse(p), p.version));
    }

    @GET
    @Path("/users/me/organizations")
    @Operation(summary = "The organizations I am a member of, with my role in each")
    public Uni<List<MyOrganization>> myOrganizations() {
        return memberships.organizationsOf(caller.userId()).map(all -> all.stream()
                .map(m -> new MyOrganization(m.organizationId, m.role, m.createdAt)).toList());
    }

    @GET
    @Path("/users/me/organizations/{organizationId}")
    @Operation(summary = "What I may do in this organization: my effective role there and its permissions (narrowed by an API key's scopes)")
    public Uni<MyAccess> myAccess(@PathParam("organizationId") UUID organizationId) {
        return gate.requireRole("organization:read", organizationId).map(role -> new MyAccess(organizationId, role,
                RolePermissions.of(role).stream().filter(p -> caller.apiKey() == null || caller.apiKey().covers(p)).sorted().toList()));
    }
}
