package dev.orgplatform.user.session.mapping;

import java.time.Instant;
import java.util.Map;

import dev.orgplatform.user.client.KeycloakAdminApi;
import dev.orgplatform.user.session.rest.SessionResponse;

public final class SessionMapper {

    private SessionMapper() {
    }

    public static SessionResponse toResponse(KeycloakAdminApi.Session s) {
        Map<String, String> clients = s.clients() == null ? Map.of() : s.clients();
        return new SessionResponse(s.id(), s.ipAddress(), s.start() == null ? null : Instant.ofEpochMilli(s.start()),
                s.lastAccess() == null ? null : Instant.ofEpochMilli(s.lastAccess()), clients.values().stream().sorted().toList());
    }
}
