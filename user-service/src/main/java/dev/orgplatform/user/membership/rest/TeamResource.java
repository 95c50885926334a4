package dev.orgplatform.user.membership.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.security.ServiceRight;
import dev.orgplatform.platform.rest.Versions;
import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.membership.TeamMember;
import dev.orgplatform.user.membership.mapping.TeamMapper;
import dev.orgplatform.user.membership.service.TeamService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Teams of an organization: read by members and services; managed with team:manage (a team's admins manage its members). */
@Path("/api/v1/organizations/{organizationId}/teams")
@Authenticated
@Tag(name = "Teams")
public class TeamResource {

    public record TeamRequest(@NotBlank @Size(max = 100) String name) {
    }

    public record TeamMemberRequest(@NotNull TeamMember.TeamRole teamRole) {
    }

    private final TeamService teams;
    private final AccessGate gate;
    private final Caller caller;

    public TeamResource(TeamService teams, AccessGate gate, Caller caller) {
        this.teams = teams;
        this.gate = gate;
        this.caller = caller;
    }

    @GET
    public Uni<List<TeamResponse>> list(@PathParam("organizationId") UUID organizationId) {
        return gate.requireOrService("team:read", organizationId, ServiceRight.MEMBER_LISTS).chain(() -> teams.teams(organizationId))
                .map(all -> all.stream().map(TeamMapper::toResponse).toList());
    }

    @POST
    @APIResponse(responseCode = "201", description = "created, with its ETag and Location", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamResponse.class)))
    public Uni<Response> create(@PathParam("organizationId") UUID organizationId, @Valid @NotNull TeamRequest request) {
        return gate.require("team:manage", organizationId).chain(() -> teams.create(organizationId, request.name().trim()))
                .map(t -> Versions.created(URI.create("/api/v1/organizations/" + organizationId + "/teams/" + t.id),
                        TeamMapper.toResponse(t), t.version));
    }

    @GET
    @Path("/{teamId}")
    @APIResponse(responseCode = "200", description = "the team, with its ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamResponse.class)))
    public Uni<Response> get(@PathParam("organizationId") UUID organizationId, @PathParam("teamId") UUID teamId) {
        return gate.requireOrService("team:read", organizationId, ServiceRight.MEMBER_LISTS).chain(() -> teams.team(organizationId, teamId))
                .map(t -> Versions.ok(TeamMapper.toResponse(t), t.version));
    }

    @PATCH
    @Path("/{teamId}")
    @Operation(summary = "Rename a team (If-Match with the team's ETag)")
    @APIResponse(responseCode = "200", description = "as it now is, with the new ETag", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamResponse.class)))
    public Uni<Response> rename(@PathParam("organizationId") UUID organizationId, @PathParam("teamId") UUID teamId,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull TeamRequest request) {
        return gate.require("team:manage", organizationId)
                .chain(() -> teams.rename(organizationId, teamId, request.name().trim(), ifMatch))
                .map(t -> Versions.ok(TeamMapper.toResponse(t), t.version));
    }

    @DELETE
    @Path("/{teamId}")
    @Operation(summary = "Delete a team; refused while it is any member's only team")
    @APIResponse(responseCode = "204", description = "deleted")
    public Uni<Response> delete(@PathParam("organizationId") UUID organizationId, @PathParam("teamId") UUID teamId) {
        return gate.require("team:manage", organizationId).chain(() -> teams.delete(organizationId, teamId))
                .map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/{teamId}/members")
    public Uni<List<TeamMemberResponse>> members(@PathParam("organizationId") UUID organizationId,
            @PathParam("teamId") UUID teamId) {
        return gate.requireOrService("team:read", organizationId, ServiceRight.MEMBER_LISTS).chain(() -> teams.members(organizationId, teamId))
                .map(all -> all.stream().map(TeamMapper::toResponse).toList());
    }

    @PUT
    @Path("/{teamId}/members/{userId}")
    @Operation(summary = "Add a member of the organization to the team, or change their team role")
    public Uni<TeamMemberResponse> addMember(@PathParam("organizationId") UUID organizationId, @PathParam("teamId") UUID teamId,
            @PathParam("userId") UUID userId, @Valid @NotNull TeamMemberRequest request) {
        return mayManageMembersOf(organizationId, teamId).chain(() -> teams.addMember(organizationId, teamId, userId, request.teamRole()))
                .map(TeamMapper::toResponse);
    }

    @DELETE
    @Path("/{teamId}/members/{userId}")
    @Operation(summary = "Remove a member from the team; refused when it is their only team")
    @APIResponse(responseCode = "204", description = "no longer in the team")
    public Uni<Response> removeMember(@PathParam("organizationId") UUID organizationId, @PathParam("teamId") UUID teamId,
            @PathParam("userId") UUID userId) {
        return mayManageMembersOf(organizationId, teamId).chain(() -> teams.removeMember(organizationId, teamId, userId))
                .map(ignored -> Response.noContent().build());
    }

    /**
     * team:manage in the organization, or team admin of this team (while still a member of the organization); an
     * API key narrows both.
     */
    private Uni<Void> mayManageMembersOf(UUID organizationId, UUID teamId) {
        return gate.require("team:read", organizationId)
                .chain(() -> teams.teamRoleOf(teamId, caller.userId()))
                .chain(teamRole -> gate.requireUnlessHeldOtherwise("team:manage", organizationId,
                        teamRole == TeamMember.TeamRole.TEAM_ADMIN));
    }
}
