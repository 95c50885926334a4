package dev.orgplatform.user.session.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.security.AccessGate;
import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.session.mapping.SessionMapper;
import dev.orgplatform.user.session.service.SessionService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A user's Keycloak sessions (addresses, clients): seen and ended by the user and by platform operators only. An
 * organization's Admin ends a member's sessions by suspending them there.
 */
@Path("/api/v1")
@Authenticated
@Tag(name = "Users")
public class SessionResource {

    private final SessionService sessions;
    private final AccessGate gate;
    private final Caller caller;

    public SessionResource(SessionService sessions, AccessGate gate, Caller caller) {
        this.sessions = sessions;
        this.gate = gate;
        this.caller = caller;
    }

    @GET
    @Path("/users/{userId}/sessions")
    @Operation(summary = "A user's active Keycloak sessions (the user, or a platform operator)")
    public Uni<List<SessionResponse>> sessions(@PathParam("userId") UUID userId) {
        return mayManage(userId).chain(() -> sessions.sessions(userId))
                .map(all -> all.stream().map(SessionMapper::toResponse).toList());
    }

    @DELETE
    @Path("/users/{userId}/sessions/{sessionId}")
    @APIResponse(responseCode = "204", description = "ended")
    public Uni<Response> endSession(@PathParam("userId") UUID userId, @PathParam("sessionId") String sessionId) {
        return mayManage(userId).chain(() -> sessions.end(userId, sessionId)).map(ignored -> Response.noContent().build());
    }

    @DELETE
    @Path("/users/{userId}/sessions")
    @APIResponse(responseCode = "204", description = "all ended")
    public Uni<Response> endAllSessions(@PathParam("userId") UUID userId) {
        return mayManage(userId).chain(() -> sessions.endAll(userId)).map(ignored -> Response.noContent().build());
    }

    private Uni<Void> mayManage(UUID userId) {
        return Uni.createFrom().voidItem().invoke(() -> {
            if (!caller.userId().equals(userId)) {
                gate.requireOperator();
            }
        });
    }
}
