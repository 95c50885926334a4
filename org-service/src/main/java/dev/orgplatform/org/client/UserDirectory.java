package dev.orgplatform.org.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.org.config.DependencyConfig;
import dev.orgplatform.platform.client.DependencyCalls;
import dev.orgplatform.platform.security.AccessDecision;
import dev.orgplatform.platform.security.AccessQuery;
import io.smallrye.mutiny.Uni;

/** user-service's answers org-service needs, each bounded in time (503 problem when it is down). */
@ApplicationScoped
public class UserDirectory {

    private final UserServiceApi api;
    private final Duration timeout;

    public UserDirectory(@RestClient UserServiceApi api, DependencyConfig config) {
        this.api = api;
        this.timeout = config.timeout();
    }

    public Uni<Boolean> isMember(UUID organizationId, UUID userId) {
        Uni<Boolean> call = api.member(organizationId, userId).map(r -> r.getStatus() == 200)
                .onFailure(e -> e instanceof WebApplicationException w && w.getResponse().getStatus() == 404)
                .recoverWithItem(false);
        return DependencyCalls.guard(call, "user-service", timeout);
    }

    /** Up to {@code limit} member user ids of the organization (its own members, not inherited ones). */
    public Uni<List<UUID>> someMembers(UUID organizationId, int limit) {
        return DependencyCalls.guard(api.members(organizationId, limit).map(UserDirectory::userIds), "user-service", timeout);
    }

    public Uni<List<AccessDecision>> checkBatch(List<AccessQuery> queries) {
        if (queries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return DependencyCalls.guard(api.checkBatch(queries), "user-service", timeout);
    }

    private static List<UUID> userIds(JsonNode page) {
        JsonNode items = page.isArray() ? page : page.path("items");
        List<UUID> ids = new ArrayList<>();
        items.forEach(m -> ids.add(UUID.fromString(m.path("userId").asText())));
        return ids;
    }
}
