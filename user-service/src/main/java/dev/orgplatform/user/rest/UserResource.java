package dev.orgplatform.user.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.Role;
import dev.orgplatform.user.client.KeycloakAdminApi;
import dev.orgplatform.user.mapping.MembershipMapper;
import dev.orgplatform.user.service.AccessView;
import dev.orgplatform.user.service.MembershipService;
import dev.orgplatform.user.service.SessionService;
import dev.orgplatform.user.service.SuspensionService;
import dev.orgplatform.user.service.UserProfileService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Rooted at /api/v1 like AuditResource: a longer class path here would capture its /api/v1/users/me/audit. */
@Path("/api/v1")
@Authenticated
@Tag(name = "Users")
public class UserResource {

    public record SuspensionRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record MyOrganization(UUID organizationId, Role role, Instant since) {
    }

    public record SessionResponse(String id, String ipAddress, Instant startedAt, Instant lastAccessAt, List<String> clients) {
    }

    private final UserProfileService profiles;
    private final MembershipService memberships;
    private final SuspensionService suspensions;
    private final SessionService sessions;
    private final AccessView view;
    private final Caller caller;

    public UserResource(UserProfileService profiles, MembershipService memberships, SuspensionService suspensions,
            SessionService sessions, AccessView view, Caller caller) {
        this.profiles = profiles;
        this.memberships = memberships;
        this.suspensions = suspensions;
        this.sessions = sessions;
        this.view = view;
        this.caller = caller;
    }

    @GET
    @Path("/users/me")
    public Uni<Response> me() {
        return profiles.find(caller.userId())
                .map(p -> Response.ok(MembershipMapper.toResponse(p)).tag(Long.toString(p.version)).build());
    }

    @PATCH
    @Path("/users/me")
    @Operation(summary = "Edit my profile (name, avatarUrl, timezone, language; email is immutable); If-Match required")
    public Uni<Response> update(@HeaderParam("If-Match") String ifMatch, @Valid @NotNull ProfileUpdate change) {
        return profiles.update(caller.userId(), ifMatch, change.validated())
                .map(p -> Response.ok(MembershipMapper.toResponse(p)).tag(Long.toString(p.version)).build());
    }

    @GET
    @Path("/users/me/organizations")
    @Operation(summary = "The organizations I am a member of, with my role in each")
    public Uni<List<MyOrganization>> myOrganizations() {
        UUID me = caller.userId();
        return memberships.organizationsOf(me).map(all -> all.stream()
                .map(m -> new MyOrganization(m.organizationId, m.role, m.createdAt)).toList());
    }

    @POST
    @Path("/users/{userId}/suspension")
    @Operation(summary = "Suspend a user (Admin or Owner of one of their organizations): disabled in Keycloak, sessions ended")
    public Uni<Response> suspend(@PathParam("userId") UUID userId, @Valid @NotNull SuspensionRequest request) {
        return suspensions.suspend(caller.userId(), caller.secondFactor(), userId, request.reason().trim())
                .map(p -> Response.ok(MembershipMapper.toResponse(p)).build());
    }

    @DELETE
    @Path("/users/{userId}/suspension")
    public Uni<Response> reactivate(@PathParam("userId") UUID userId) {
        return suspensions.reactivate(caller.userId(), caller.secondFactor(), userId)
                .map(p -> Response.ok(MembershipMapper.toResponse(p)).build());
    }

    @GET
    @Path("/users/{userId}/sessions")
    @Operation(summary = "A user's active Keycloak sessions (the user, or an Admin of an organization they belong to)")
    public Uni<List<SessionResponse>> sessions(@PathParam("userId") UUID userId) {
        return sessions.sessions(caller.userId(), caller.secondFactor(), userId)
                .map(all -> all.stream().map(UserResource::toResponse).toList());
    }

    @DELETE
    @Path("/users/{userId}/sessions/{sessionId}")
    public Uni<Response> endSession(@PathParam("userId") UUID userId, @PathParam("sessionId") String sessionId) {
        return sessions.end(caller.userId(), caller.secondFactor(), userId, sessionId).map(ignored -> Response.noContent().build());
    }

    @DELETE
    @Path("/users/{userId}/sessions")
    public Uni<Response> endAllSessions(@PathParam("userId") UUID userId) {
        return sessions.endAll(caller.userId(), caller.secondFactor(), userId).map(ignored -> Response.noContent().build());
    }

    private static SessionResponse toResponse(KeycloakAdminApi.Session s) {
        Map<String, String> clients = s.clients() == null ? Map.of() : s.clients();
        return new SessionResponse(s.id(), s.ipAddress(), s.start() == null ? null : Instant.ofEpochMilli(s.start()),
                s.lastAccess() == null ? null : Instant.ofEpochMilli(s.lastAccess()),
                clients.values().stream().sorted().collect(Collectors.toList()));
    }
}
