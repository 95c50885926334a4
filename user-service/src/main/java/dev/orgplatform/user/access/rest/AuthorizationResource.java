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

import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.access.service.AccessView;

/** The platform's authorization check, for other services (client-credentials tokens). */
@Path("/api/v1/authorization")
@RolesAllowed(Caller.SERVICE_ROLE)
@Tag(name = "Authorization")
@NonBlocking // answered from memory: no worker thread hop on the hottest path
public class AuthorizationResource {

    private final AccessView view;

    public AuthorizationResource(AccessView view) {
        this.view = view;
    }

    @POST
    @Path("/check")
    @Operation(summary = "May this user do this permission on this organization (and product)?")
    public AccessDecision check(@Valid @NotNull AccessQuery query) {
        return view.decide(query);
    }

    @POST
    @Path("/check-batch")
    @Operation(summary = "Many checks in one call: the decisions in the order of the queries")
    public List<AccessDecision> checkBatch(@NotNull @Size(min = 1, max = 500) List<@Valid @NotNull AccessQuery> queries) {
        return queries.stream().map(view::decide).toList();
    }
}
