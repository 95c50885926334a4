package dev.orgplatform.console.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.UsersApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.oidc.OidcSession;
import io.smallrye.mutiny.Uni;

/**
 * Someone who signed in through an organization's SSO connection is its member from their first page: the console
 * reports each SSO sign-in once (per console replica; user-service admits once per sign-in however often told, and
 * finds SSO sign-ins in Keycloak's events by itself too).
 */
public class SsoSignInFilter {

    private static final Logger LOG = Logger.getLogger(SsoSignInFilter.class);
    private static final int REMEMBERED = 10_000;

    /** Sign-ins (Keycloak session ids) already reported from this replica; only spares user-service repeated calls. */
    private static final Set<String> REPORTED = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));

    private final UsersApi users;
    private final OidcSession session;
    private final Template notJoined;

    public SsoSignInFilter(@RestClient UsersApi users, OidcSession session, @Location("pages/sso-refused.html") Template notJoined) {
        this.users = users;
        this.session = session;
        this.notJoined = notJoined;
    }

    @ServerRequestFilter(priority = 900)
    public Uni<Response> reportSsoSignIn(ContainerRequestContext request) {
        JsonWebToken idToken = request.getSecurityContext().getUserPrincipal() == null ? null : session.getIdToken();
        if (idToken == null || idToken.getClaim("identity_provider") == null) {
            return Uni.createFrom().nullItem();
        }
        Object sid = idToken.getClaim("sid");
        String signIn = String.valueOf(sid);
        if (!REPORTED.add(signIn)) {
            return Uni.createFrom().nullItem();
        }
        return users.ssoAdmission().onItemOrFailure().transform((answer, failure) -> {
            if (failure != null) {
                LOG.infof("SSO sign-in %s not reported: %s", signIn, failure.toString());
                REPORTED.remove(signIn); // told on the next page
                return null;
            }
            ApiAnswer refused = ApiAnswer.of(answer);
            if (refused.status() == 403 || refused.status() == 409) {
                // once: the person reads why, then uses the console as a signed-in person of no organization
                return Response.status(refused.status()).type(MediaType.TEXT_HTML)
                        .entity(notJoined.data("detail", refused.refusal()).render()).build();
            }
            return null;
        });
    }
}
