package dev.orgplatform.user.sso.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.sso.mapping.SsoMapper;
import dev.orgplatform.user.sso.service.SsoAdmissions;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * A client (the console, the CLI) reports a fresh sign-in so that an SSO sign-in makes its member at once; user-service
 * also finds SSO sign-ins in Keycloak's login events. The identity provider is read from the token, never from the body.
 */
@Path("/api/v1/users/me/sso-admissions")
@Authenticated
@Tag(name = "SSO")
public class SsoAdmissionResource {

    private final SsoAdmissions admissions;
    private final Caller caller;

    public SsoAdmissionResource(SsoAdmissions admissions, Caller caller) {
        this.admissions = admissions;
        this.caller = caller;
    }

    @POST
    @APIResponse(responseCode = "200", description = "the organization this SSO sign-in made you a member of (or found you in)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SsoAdmissionResponse.class)))
    @APIResponse(responseCode = "204", description = "this sign-in came through no organization's SSO connection")
    @APIResponse(responseCode = "403", description = "your email's domain is not verified by the connection's organization")
    @APIResponse(responseCode = "409", description = "no user seat is left in the organization")
    public Uni<Response> admit() {
        if (caller.apiKey() != null) {
            return Uni.createFrom().item(Response.noContent().build());
        }
        return admissions.admit(caller.userId(), caller.email(), caller.name(), caller.identityProvider(), caller.sessionId())
                .map(a -> a == null ? Response.noContent().build() : Response.ok(SsoMapper.toResponse(a)).build());
    }
}
