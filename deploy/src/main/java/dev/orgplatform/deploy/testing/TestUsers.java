package dev.orgplatform.deploy.testing;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.orgplatform.deploy.StackConfig;
import dev.orgplatform.deploy.StackProfile;

/** People and services of the test stack's realm, each test making its own so tests never share a user. */
public final class TestUsers {

    private static final KeycloakUsers KEYCLOAK = KeycloakUsers.of(StackProfile.TEST);
    private static final Map<String, CachedToken> SERVICE_TOKENS = new ConcurrentHashMap<>();
    private static final long TOKEN_REUSE = Duration.ofMinutes(1).toNanos();

    private TestUsers() {
    }

    /** A new user with a unique email (its prefix says which test made it). */
    public static User create(String prefix) {
        String email = (prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com").toLowerCase();
        String password = UUID.randomUUID().toString();
        String id = KEYCLOAK.createUser(email, password, prefix, "Test");
        return new User(id, email, password);
    }

    /** A new user with the realm role of platform operators. */
    public static User createOperator(String prefix) {
        User user = create(prefix);
        KEYCLOAK.grantRealmRole(user.id(), "platform-operator");
        return user;
    }

    /**
     * A client-credentials token of a platform service (the realm's dev secret is "<client>-secret"), reused for a
     * minute (tokens live five): a test asking many times costs one token request a minute.
     */
    public static String serviceToken(String clientId) {
        long now = System.nanoTime();
        return SERVICE_TOKENS.compute(clientId, (id, cached) -> cached != null && now - cached.at() < TOKEN_REUSE
                ? cached : new CachedToken(KEYCLOAK.clientToken(id, id + "-secret"), now)).token();
    }

    private record CachedToken(String token, long at) {
    }

    /** The user as Keycloak holds them (firstName, lastName, enabled, ...). */
    public static com.fasterxml.jackson.databind.JsonNode inKeycloak(String userId) {
        return KEYCLOAK.user(userId);
    }

    public static StackConfig stack() {
        return StackConfig.of(StackProfile.TEST);
    }

    public static final class User {
        private final String id;
        private final String email;
        private final String password;
        private String token;

        User(String id, String email, String password) {
            this.id = id;
            this.email = email;
            this.password = password;
        }

        public String id() {
            return id;
        }

        public String email() {
            return email;
        }

        public String password() {
            return password;
        }

        /** A real access token by password grant, fetched once (tokens live 5 minutes, longer than a test class). */
        public synchronized String token() {
            if (token == null) {
                token = KEYCLOAK.passwordToken(email, password);
            }
            return token;
        }

        /** A fresh token, e.g. after a change the old one must not carry. */
        public String freshToken() {
            return KEYCLOAK.passwordToken(email, password);
        }
    }
}
