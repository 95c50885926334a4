package dev.orgplatform.user.session.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.membership.MemberRules;
import dev.orgplatform.user.membership.mapping.ProfileMapper;
import dev.orgplatform.user.session.service.SuspensionService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Suspension and reactivation of a user, by whoever manages members in one of their organizations, never of
 * that organization's Owner (or anyone stronger than the caller), never of oneself.
 */
@Path("/api/v1")
@Authenticated
@Tag(name = "Users")
public class SuspensionResource {

    private final SuspensionService suspensions;
    private final ManagedUserGate managed;
    private final Caller caller;

    public SuspensionResource(SuspensionService suspensions, ManagedUserGate managed, Caller caller) {
        this.suspensions = suspensions;
        this.managed = managed;
        this.caller = caller;
    }

    @POST
    @Path("/users/{userId}/suspension")
    @Operation(summary = "Suspend a user (Admin or Owner of one of their organizations): disabled in Keycloak, sessions ended")
    public Uni<Response> suspend(@PathParam("userId") UUID userId, @Valid @NotNull SuspensionRequest request) {
        return mayTouch(userId).chain(org -> suspensions.suspend(userId, org, request.reason().trim()))
                .map(p -> Response.ok(ProfileMapper.toResponse(p)).build());
    }

    @DELETE
    @Path("/users/{userId}/suspension")
    public Uni<Response> reactivate(@PathParam("userId") UUID userId) {
        return mayTouch(userId).chain(org -> suspensions.reactivate(userId, org))
                .map(p -> Response.ok(ProfileMapper.toResponse(p)).build());
    }

    /** The organization the decision is made in. */
    private Uni<UUID> mayTouch(UUID userId) {
        if (caller.userId().equals(userId)) {
            return Uni.createFrom().failure(ProblemException.forbidden("nobody suspends or reactivates themself"));
        }
        return managed.require(userId).map(m -> {
            MemberRules.mayTouch(m.managerRole(), m.memberRole());
            return m.organizationId();
        });
    }
}
