package dev.orgplatform.user.access.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.NonBlocking;

import dev.orgplatform.platform.security.ServiceRight;
import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.user.access.service.LocalAccessPolicy;
import io.smallrye.mutiny.Uni;

/** The platform's authorization check, for other services (client-credentials tokens). */
@Path("/api/v1/authorization")
@RolesAllowed(ServiceRight.ACCESS_CHECKS)
@Tag(name = "Authorization")
@NonBlocking // answered from memory: no worker thread hop on the hottest path
public class AuthorizationResource {

    private final LocalAccessPolicy policy;

    public AuthorizationResource(LocalAccessPolicy policy) {
        this.policy = policy;
    }

    @POST
    @Path("/check")
    @Operation(summary = "May this user do this permission on this organization (and product)?")
    public Uni<AccessDecision> check(@Valid @NotNull AccessQuery query) {
        return policy.decide(query);
    }

    @POST
    @Path("/check-batch")
    @Operation(summary = "Many checks in one call: the decisions in the order of the queries")
    public Uni<List<AccessDecision>> checkBatch(@NotNull @Size(min = 1, max = 500) List<@Valid @NotNull AccessQuery> queries) {
        // the denials of one batch share one fresh poll
        return Uni.join().all(queries.stream().map(policy::decide).toList()).andFailFast();
    }
}
