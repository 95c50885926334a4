package dev.orgplatform.platform.security;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.orgplatform.platform.net.ClientAddress;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: a person (their Keycloak subject id and email) or another platform service (a
 * client-credentials token with the {@value #SERVICE_ROLE} role). Tokens identify; they never carry
 * organization roles, which user-service decides.
 */
@RequestScoped
public class Caller {

    public static final String SERVICE_ROLE = "platform-service";
    /** The realm role of the people who run the platform (disable accounts, see any user's sessions). */
    public static final String OPERATOR_ROLE = "platform-operator";

    /** {@code amr} values (RFC 8176) that prove a second factor: one-time code, security key, hardware key. */
    public static final Set<String> SECOND_FACTORS = Set.of("otp", "webauthn", "hwk", "mfa");

    private final SecurityIdentity identity;
    /** Keycloak's session note of a brokered login, put in tokens by a mapper on the platform's clients. */
    public static final String IDENTITY_PROVIDER_CLAIM = "identity_provider";

    private final ClientAddress clientAddress;

    public Caller(SecurityIdentity identity, ClientAddress clientAddress) {
        this.identity = identity;
        this.clientAddress = clientAddress;
    }

    public UUID userId() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        try {
            return UUID.fromString(identity.getPrincipal().getName());
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException("token subject is not a user id");
        }
    }

    /** The person's full name as Keycloak gives it ({@code name}), or null. */
    public String name() {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("name") != null ? jwt.getClaim("name").toString() : null;
    }

    public String email() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String email = jwt.getClaim("email");
            return email == null ? null : email.toLowerCase();
        }
        return null;
    }

    /** Whether this login used a second factor (Keycloak's {@code amr} claim names one of {@link #SECOND_FACTORS}). */
    public boolean secondFactor() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("amr") instanceof java.util.Collection<?> amr) {
            return amr.stream().map(Object::toString).map(v -> v.replace("\"", ""))
                    .anyMatch(SECOND_FACTORS::contains);
        }
        return false;
    }

    /** When this login happened (Keycloak's {@code auth_time}, epoch seconds; refreshing a token keeps it), or null. */
    public Long authTime() {
        Object t = apiKey() == null && identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("auth_time") : null;
        if (t != null) {
            try {
                long seconds = Long.parseLong(t.toString());
                return seconds > 0 ? seconds : null; // 0: Keycloak had no login time to give (a password grant)
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * The authorization question for this caller: may I do {@code permission} on this organization, from this address
     * and with a login this old?
     */
    public AccessQuery may(String permission, UUID organizationId) {
        ApiKeyGrant key = apiKey();
        // an API key stands for automation its owner set up; it needs no second factor of its own, nor a fresh login
        return new AccessQuery(userId(), organizationId, permission, null, key != null || secondFactor(), key,
                clientAddress.current(), key == null ? authTime() : null, key == null ? sessionId() : null,
                key == null ? identityProvider() : null);
    }

    /** The Keycloak identity provider this login came through (the {@code identity_provider} claim), or null for a password. */
    public String identityProvider() {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(IDENTITY_PROVIDER_CLAIM) != null
                ? jwt.getClaim(IDENTITY_PROVIDER_CLAIM).toString().replace("\"", "") : null;
    }

    /** The Keycloak session this token belongs to ({@code sid}), or null. */
    public String sessionId() {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("sid") != null ? jwt.getClaim("sid").toString() : null;
    }

    /** The grant of the API key this request came with, or null for a token. */
    public ApiKeyGrant apiKey() {
        return identity.getAttribute(ApiKeyAuthentication.GRANT_ATTRIBUTE);
    }

    public boolean isService() {
        return identity.hasRole(SERVICE_ROLE);
    }

    /** Whether this platform service's account was granted {@code right} (one of {@link ServiceRight}). */
    public boolean holds(String right) {
        return isService() && identity.hasRole(right);
    }

    /** A platform operator signed in as themself: an API key never acts as an operator. */
    public boolean isOperator() {
        return identity.hasRole(OPERATOR_ROLE) && apiKey() == null;
    }
}
