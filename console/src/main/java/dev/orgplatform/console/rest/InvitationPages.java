package dev.orgplatform.console.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.InvitationsApi;
import dev.orgplatform.console.client.RegistrationApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * The page every invitation mail links to: sign in and accept, or open an account for the invited email and accept.
 * An expired, used or revoked link gets one calm explanation that reveals nothing else.
 */
@Path("/invitations/accept")
@Produces(MediaType.TEXT_HTML)
public class InvitationPages {

    private final InvitationsApi invitations;
    private final RegistrationApi registration;
    private final Template landing;
    private final Template unusable;

    public InvitationPages(@RestClient InvitationsApi invitations, @RestClient RegistrationApi registration,
            @Location("pages/invitation.html") Template landing, @Location("pages/invitation-unusable.html") Template unusable) {
        this.invitations = invitations;
        this.registration = registration;
        this.landing = landing;
        this.unusable = unusable;
    }

    @GET
    @PermitAll
    public String landing(@RestQuery String token) {
        return landingPage(FormValues.shown(token), false, Map.of("name", ""), Map.of(), null).render();
    }

    /** After signing in (the OIDC flow returns here): the form that accepts. */
    @GET
    @Path("/confirm")
    @Authenticated
    public String confirm(@RestQuery String token) {
        return landingPage(FormValues.shown(token), true, Map.of("name", ""), Map.of(), null).render();
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> accept(@RestForm String token) {
        return invitations.accept(Map.of("token", FormValues.shown(token))).map(ApiAnswer::of)
                .map(answer -> answer.ok() ? joined(answer) : refused(answer));
    }

    /** A new account for the invited email, then the invitation accepted; signing in follows on Keycloak's page. */
    @POST
    @Path("/register")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> register(@RestForm String token, @RestForm String name, @RestForm String password,
            @RestForm String passwordAgain) {
        Map<String, Object> typed = Map.of("name", FormValues.shown(name));
        if (!Objects.equals(password, passwordAgain)) { // both empty: invitation-service names the password itself
            return Uni.createFrom().item(Response.status(400).type(MediaType.TEXT_HTML).entity(landingPage(FormValues.shown(token),
                    false, typed, Map.of("passwordAgain", "the two passwords differ"), null).render()).build());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", FormValues.shown(token));
        body.put("name", FormValues.shown(name));
        body.put("password", password);
        return registration.register(body).map(ApiAnswer::of).map(answer -> {
            if (answer.ok()) {
                return joined(answer);
            }
            if (answer.status() == 409 || answer.status() == 400 && !answer.fieldErrors().containsKey("token")) {
                // the name or password did not do, or the account exists: said here, the name kept (never a password)
                return Response.status(400).type(MediaType.TEXT_HTML).entity(landingPage(FormValues.shown(token), false, typed,
                        answer.fieldErrors(), answer.detail()).render()).build();
            }
            return refused(answer);
        });
    }

    private TemplateInstance landingPage(String token, boolean signedIn, Map<String, Object> values, Map<String, String> errors,
            String detail) {
        return landing.data("token", token).data("signedIn", signedIn).data("values", values).data("errors", errors)
                .data("detail", detail == null ? "" : detail);
    }

    /** Into the organization (signing in first where the person has no session yet). */
    private static Response joined(ApiAnswer answer) {
        return Response.seeOther(URI.create("/organizations/" + answer.object().get("organizationId"))).build();
    }

    private Response refused(ApiAnswer answer) {
        return Response.status(answer.status() >= 500 ? 503 : 410).type(MediaType.TEXT_HTML)
                .entity(unusable.data("detail", answer.status() == 403 ? answer.detail() : null).render())
                .build();
    }
}
