package dev.orgplatform.invitation.client;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orgplatform.invitation.config.InvitationConfig;
import dev.orgplatform.platform.client.DependencyCalls;
import io.smallrye.mutiny.Uni;

/** The names of an organization's teams, as user-service knows them now. */
@ApplicationScoped
public class OrganizationTeams {

    private final TeamsApi teams;
    private final InvitationConfig config;

    public OrganizationTeams(@RestClient TeamsApi teams, InvitationConfig config) {
        this.teams = teams;
        this.config = config;
    }

    public Uni<Set<String>> names(UUID organizationId) {
        return DependencyCalls.guard(teams.teams(organizationId), "user-service", config.userService().timeout())
                .map(list -> list.stream().map(TeamsApi.Team::name).collect(Collectors.toSet()));
    }
}
