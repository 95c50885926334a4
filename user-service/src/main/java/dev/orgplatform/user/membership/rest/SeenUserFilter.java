package dev.orgplatform.user.membership.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.json.JsonNumber;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.orgplatform.platform.security.Caller;
import dev.orgplatform.user.membership.service.UserProfileService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * A person first seen through a valid token gets a profile, and the first request of each new login records
 * {@code lastLoginAt} (the token's {@code auth_time}, else {@code iat}). Later requests of the same login cost nothing.
 */
public class SeenUserFilter {

    private final UserProfileService profiles;
    private final SecurityIdentity identity;

    public SeenUserFilter(UserProfileService profiles, SecurityIdentity identity) {
        this.profiles = profiles;
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Void> recordSeen() {
        if (identity.isAnonymous() || identity.hasRole(Caller.SERVICE_ROLE)
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().voidItem();
        }
        UUID id;
        try {
            id = UUID.fromString(jwt.getSubject());
        } catch (RuntimeException e) {
            return Uni.createFrom().voidItem();
        }
        long loginSeconds = seconds(jwt.getClaim("auth_time"));
        if (loginSeconds <= 0) {
            loginSeconds = seconds(jwt.getClaim("iat")); // the password grant has no auth_time: its token is the login
        }
        String email = jwt.getClaim("email");
        String name = jwt.getClaim("name");
        return profiles.seen(id, email, name, loginSeconds > 0 ? Instant.ofEpochSecond(loginSeconds) : null);
    }

    private static long seconds(Object claim) {
        if (claim instanceof Number n) {
            return n.longValue();
        }
        if (claim instanceof JsonNumber n) {
            return n.longValue();
        }
        return 0;
    }
}
