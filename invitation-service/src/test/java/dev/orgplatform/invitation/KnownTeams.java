package dev.orgplatform.invitation;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.orgplatform.invitation.client.OrganizationTeams;
import io.smallrye.mutiny.Uni;

/**
 * Stands in for user-service's teams (not running in these tests): each test says which teams an organization
 * has; any other organization has none. Install with {@code QuarkusMock.installMockForType(teams, OrganizationTeams.class)}.
 */
class KnownTeams extends OrganizationTeams {

    private final Map<UUID, Set<String>> teams = new ConcurrentHashMap<>();

    KnownTeams() {
        super(null, null);
    }

    KnownTeams of(UUID organizationId, String... names) {
        teams.put(organizationId, Set.of(names));
        return this;
    }

    @Override
    public Uni<Set<String>> names(UUID organizationId) {
        return Uni.createFrom().item(teams.getOrDefault(organizationId, Set.of()));
    }
}
