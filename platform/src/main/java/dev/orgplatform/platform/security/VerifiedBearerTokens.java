package dev.orgplatform.platform.security;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * A bearer token already verified here is not verified again until it expires: parsing it and checking its RSA
 * signature was a third of the CPU an authorization check costs. Tokens are verified offline (signature and expiry,
 * never introspected), so answering from this memory until the token's own {@code exp} decides nothing differently.
 * Only a token that arrived as this request's {@code Authorization: Bearer} header and passed the OIDC mechanism is
 * remembered ({@link VerifiedTokenCache}: by the whole token, until its {@code exp} on the system's clock, which
 * is the clock the OIDC verification reads).
 */
@ApplicationScoped
public class VerifiedBearerTokens implements HttpAuthenticationMechanism, SecurityIdentityAugmentor {

    private static final String BEARER = "Bearer ";

    private final VerifiedTokenCache verified = new VerifiedTokenCache(2_000, () -> System.currentTimeMillis() / 1000);

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String token = bearerToken(context);
        SecurityIdentity known = token == null ? null : verified.get(token);
        if (known == null) {
            return Uni.createFrom().nullItem(); // the OIDC mechanism verifies it (or refuses it: expired, forged)
        }
        // the identity as this request's: the routing context attributes are the request's own
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known)
                .addAttribute(RoutingContext.class.getName(), context)
                .addAttribute(AuthenticationRequestContext.class.getName(), context.get(AuthenticationRequestContext.class.getName()))
                .build());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        Object routing = attributes.get(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE);
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (routing instanceof RoutingContext request && credential != null
                && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
                && credential.getToken().equals(bearerToken(request))) {
            verified.remember(credential.getToken(), identity, jwt.getExpirationTime());
        }
        return Uni.createFrom().item(identity);
    }

    /** Runs after every other augmentor: the identity remembered is the one requests were given. */
    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    private static String bearerToken(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).trim();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem(); // the OIDC mechanism's challenge stands
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 50; // after API keys, before the OIDC mechanism
    }
}
