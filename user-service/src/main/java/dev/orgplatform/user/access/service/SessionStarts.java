package dev.orgplatform.user.access.service;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgplatform.user.client.Keycloak;
import io.smallrye.mutiny.Uni;

/**
 * When a Keycloak session began, for organizations that cap how old a login may be and tokens that do not carry
 * {@code auth_time} (a password grant's). A session's start never changes, so each is asked of Keycloak once per
 * replica (all of the user's sessions at a time) and kept; the map is emptied past {@value #MAX} entries.
 */
@ApplicationScoped
public class SessionStarts {

    private static final int MAX = 100_000;

    private final Map<String, Long> starts = new ConcurrentHashMap<>();
    private final Keycloak keycloak;

    public SessionStarts(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    /** The session's start in epoch seconds, or null when Keycloak no longer has it (ended: signed out, expired). */
    public Uni<Long> of(UUID userId, String sessionId) {
        Long known = starts.get(sessionId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return keycloak.sessions(userId).map(sessions -> {
            if (starts.size() > MAX) {
                starts.clear();
            }
            sessions.stream().filter(s -> s.start() != null).forEach(s -> starts.put(s.id(), s.start() / 1000));
            return starts.get(sessionId);
        });
    }
}
