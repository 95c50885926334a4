package dev.orgplatform.user.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessQuery;
import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.service.AccessView;

/** The platform's authorization check, for other services (client-credentials tokens). */
@Path("/api/v1/authorization")
@RolesAllowed(Caller.SERVICE_ROLE)
@Tag(name = "Authorization")
public class AuthorizationResource {

    private final AccessView view;

    public AuthorizationResource(AccessView view) {
        this.view = view;
    }

    @POST
    @Path("/check")
    @Operation(summary = "May this user do this permission on this organization?")
    public AccessDecision check(@Valid @NotNull AccessQuery query) {
        return view.decide(query); // in memory: answered on the I/O thread without blocking
    }
}
