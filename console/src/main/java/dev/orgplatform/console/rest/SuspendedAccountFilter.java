package dev.orgplatform.console.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.UsersApi;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/**
 * A suspended account's console session ends on its next page: the tokens in the session cookie stay valid for
 * minutes after Keycloak disabled the account, so each page first asks user-service for the person's status (one
 * call), and a suspended person's session cookie is dropped and they are told why.
 */
public class SuspendedAccountFilter {

    private final UsersApi users;
    private final OidcSession session;
    private final Template suspended;

    public SuspendedAccountFilter(@RestClient UsersApi users, OidcSession session, @Location("pages/suspended.html") Template suspended) {
        this.users = users;
        this.session = session;
        this.suspended = suspended;
    }

    @ServerRequestFilter
    public Uni<Response> endSuspendedSession(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null || session.getIdToken() == null) {
            return Uni.createFrom().nullItem(); // not signed in: the invitation landing page
        }
        return users.me().map(ApiAnswer::of).chain(me -> {
            if (!"SUSPENDED".equals(me.object().get("status"))) {
                return Uni.createFrom().nullItem();
            }
            Object reason = me.object().get("statusReason");
            return session.logout().replaceWith(Response.status(403).type(MediaType.TEXT_HTML)
                    .entity(suspended.data("reason", reason == null ? "" : reason.toString()).render()).build());
        });
    }
}
