package dev.orgplatform.platform.security;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orgplatform.platform.client.DependencyCalls;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/** Asks user-service. No cache: a role change or suspension must hold at once. */
@DefaultBean
@ApplicationScoped
public class RemoteAccessPolicy implements AccessPolicy {

    private final AuthorizationApi api;
    private final Duration timeout;

    public RemoteAccessPolicy(@RestClient AuthorizationApi api,
            @ConfigProperty(name = "platform.authorization.timeout", defaultValue = "2s") Duration timeout) {
        this.api = api;
        this.timeout = timeout;
    }

    @Override
    public Uni<AccessDecision> decide(AccessQuery query) {
        return DependencyCalls.guard(api.check(query), "user-service", timeout);
    }

    /** One call for all (check-batch). */
    @Override
    public Uni<List<AccessDecision>> decideAll(List<AccessQuery> queries) {
        if (queries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return DependencyCalls.guard(api.checkBatch(queries), "user-service", timeout);
    }
}
