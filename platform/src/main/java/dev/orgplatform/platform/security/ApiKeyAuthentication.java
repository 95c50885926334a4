package dev.orgplatform.platform.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Every service accepts an API key in the {@value #HEADER} header where it accepts a bearer token. The
 * identity is the key's owner; the grant (organization, scopes) travels as an attribute that
 * {@link Caller#may} puts into every authorization question.
 */
@ApplicationScoped
public class ApiKeyAuthentication implements HttpAuthenticationMechanism, IdentityProvider<ApiKeyAuthentication.Request> {

    public static final String HEADER = "X-API-Key";
    public static final String GRANT_ATTRIBUTE = "api-key-grant";
    public static final String PREFIX = "opk_";

    public static final class Request extends BaseAuthenticationRequest {
        final String secret;

        Request(String secret) {
            this.secret = secret;
        }
    }

    private final ApiKeyVerifier verifier;

    public ApiKeyAuthentication(ApiKeyVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String key = context.request().getHeader(HEADER);
        if (key == null) {
            return Uni.createFrom().nullItem(); // not ours: the bearer-token mechanism takes over
        }
        return identities.authenticate(new Request(key.trim()));
    }

    @Override
    public Uni<SecurityIdentity> authenticate(Request request, AuthenticationRequestContext context) {
        if (!request.secret.startsWith(PREFIX)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not an API key"));
        }
        return verifier.verify(Secrets.hash(request.secret)).map(grant -> {
            if (grant == null) {
                throw new AuthenticationFailedException("unknown, revoked or expired API key");
            }
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(grant.userId().toString()))
                    .addAttribute(GRANT_ATTRIBUTE, grant).build();
        });
    }

    @Override
    public Class<Request> getRequestType() {
        return Request.class;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends io.quarkus.security.identity.request.AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Request.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100; // looked at before the bearer-token mechanism
    }
}
