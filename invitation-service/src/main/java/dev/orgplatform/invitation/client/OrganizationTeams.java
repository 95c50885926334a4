package dev.orgplatform.invitation.client;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orgplatform.platform.client.DependencyCalls;
import io.smallrye.mutiny.Uni;

/** The names of an organization's teams, as user-service knows them now. */
@ApplicationScoped
public class OrganizationTeams {

    private final TeamsApi teams;
    private final Duration timeout;

    public OrganizationTeams(@RestClient TeamsApi teams,
            @ConfigProperty(name = "invitation.user-service.timeout", defaultValue = "3s") Duration timeout) {
        this.teams = teams;
        this.timeout = timeout;
    }

    public Uni<Set<String>> names(UUID organizationId) {
        return DependencyCalls.guard(teams.teams(organizationId), "user-service", timeout)
                .map(list -> list.stream().map(TeamsApi.Team::name).collect(Collectors.toSet()));
    }
}
