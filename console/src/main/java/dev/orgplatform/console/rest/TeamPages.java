package dev.orgplatform.console.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.UsersApi;
import dev.orgplatform.console.mapping.People;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** An organization's teams: list, create, rename, delete; a team's members with their team role. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class TeamPages {

    static final List<String> TEAM_ROLES = List.of("MEMBER", "TEAM_ADMIN");

    private final UsersApi users;
    private final OrganizationView view;
    private final SignedIn signedIn;
    private final Template teams;
    private final Template team;

    public TeamPages(@RestClient UsersApi users, OrganizationView view, SignedIn signedIn, @Location("pages/teams.html") Template teams,
            @Location("pages/team.html") Template team) {
        this.users = users;
        this.view = view;
        this.signedIn = signedIn;
        this.teams = teams;
        this.team = team;
    }

    @GET
    @Path("organizations/{id}/teams")
    public Uni<Response> list(@PathParam("id") UUID id, @RestQuery String done) {
        return renderList(id, Map.of("done", FormValues.shown(done), "name", ""), 200);
    }

    @POST
    @Path("organizations/{id}/teams")
    public Uni<Response> create(@PathParam("id") UUID id, @RestForm String name) {
        return users.createTeam(id, Map.of("name", FormValues.shown(name))).map(ApiAnswer::of).chain(answer -> {
            if (answer.ok()) {
                return Uni.createFrom().item(OrganizationView.seeOther("/organizations/" + id + "/teams/" + answer.object().get("id"),
                        "team " + FormValues.shown(name) + " created"));
            }
            Map<String, Object> extra = OrganizationView.refusal(answer);
            extra.put("name", FormValues.shown(name));
            return renderList(id, extra, OrganizationView.statusOf(answer));
        });
    }

    @GET
    @Path("organizations/{id}/teams/{teamId}")
    public Uni<Response> team(@PathParam("id") UUID id, @PathParam("teamId") UUID teamId, @RestQuery String done) {
        return renderTeam(id, teamId, Map.of("done", FormValues.shown(done)), 200);
    }

    @POST
    @Path("organizations/{id}/teams/{teamId}/rename")
    public Uni<Response> rename(@PathParam("id") UUID id, @PathParam("teamId") UUID teamId, @RestForm String version,
            @RestForm String name) {
        return users.renameTeam(id, teamId, version, Map.of("name", FormValues.shown(name))).map(ApiAnswer::of)
                .chain(answer -> afterTeamChange(id, teamId, answer, "team renamed to " + FormValues.shown(name)));
    }

    @POST
    @Path("organizations/{id}/teams/{teamId}/delete")
    public Uni<Response> delete(@PathParam("id") UUID id, @PathParam("teamId") UUID teamId) {
        return users.deleteTeam(id, teamId).map(ApiAnswer::of).chain(answer -> answer.ok()
                ? Uni.createFrom().item(OrganizationView.seeOther("/organizations/" + id + "/teams", "team deleted"))
                : renderTeam(id, teamId, OrganizationView.refusal(answer), OrganizationView.statusOf(answer)));
    }

    @POST
    @Path("organizations/{id}/teams/{teamId}/members")
    public Uni<Response> putMember(@PathParam("id") UUID id, @PathParam("teamId") UUID teamId, @RestForm String userId,
            @RestForm String teamRole) {
        UUID user = FormValues.uuid(userId);
        if (user == null) {
            return renderTeam(id, teamId, Map.of("problem", "choose a member of the organization"), 400);
        }
        return users.putTeamMember(id, teamId, user, Map.of("teamRole", FormValues.shown(teamRole))).map(ApiAnswer::of)
                .chain(answer -> afterTeamChange(id, teamId, answer, "team role set to " + FormValues.shown(teamRole)));
    }

    @POST
    @Path("organizations/{id}/teams/{teamId}/members/{userId}/remove")
    public Uni<Response> removeMember(@PathParam("id") UUID id, @PathParam("teamId") UUID teamId, @PathParam("userId") UUID userId) {
        return users.removeTeamMember(id, teamId, userId).map(ApiAnswer::of)
                .chain(answer -> afterTeamChange(id, teamId, answer, "member removed from the team"));
    }

    private Uni<Response> afterTeamChange(UUID id, UUID teamId, ApiAnswer answer, String done) {
        return answer.ok() ? Uni.createFrom().item(OrganizationView.seeOther("/organizations/" + id + "/teams/" + teamId, done))
                : renderTeam(id, teamId, OrganizationView.refusal(answer), OrganizationView.statusOf(answer));
    }

    private Uni<Response> renderList(UUID id, Map<String, Object> extra, int status) {
        return view.render(id, teams, status, seen -> users.teams(id).map(ApiAnswer::of).map(answer -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("teams", answer.list(null));
            data.put("teamsDetail", answer.ok() ? "" : answer.refusal());
            data.put("name", "");
            data.putAll(extra);
            return data;
        }));
    }

    private Uni<Response> renderTeam(UUID id, UUID teamId, Map<String, Object> extra, int status) {
        return view.render(id, team, status, seen -> Uni.combine().all().unis(users.team(id, teamId).map(ApiAnswer::of),
                users.teamMembers(id, teamId).map(ApiAnswer::of), users.members(id, 200).map(ApiAnswer::of)).asTuple().map(t -> {
                    Map<String, People.Person> people = People.byUser(t.getItem3().list("items"));
                    List<Map<String, Object>> inTeam = new ArrayList<>();
                    String myTeamRole = "";
                    for (Object o : t.getItem2().list(null)) {
                        if (o instanceof Map<?, ?> m) {
                            String userId = String.valueOf(m.get("userId"));
                            People.Person person = people.getOrDefault(userId, new People.Person(userId, userId, ""));
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("userId", userId);
                            row.put("name", person.name());
                            row.put("email", person.email());
                            row.put("teamRole", String.valueOf(m.get("teamRole")));
                            inTeam.add(row);
                            if (userId.equals(signedIn.person().get("id"))) {
                                myTeamRole = String.valueOf(m.get("teamRole"));
                            }
                        }
                    }
                    List<People.Person> others = people.values().stream()
                            .filter(p -> inTeam.stream().noneMatch(r -> r.get("userId").equals(p.userId()))).toList();
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("team", t.getItem1().ok() ? t.getItem1().object() : Map.of("id", teamId, "name", "(unknown team)"));
                    data.put("teamVersion", t.getItem1().etag() == null ? "" : t.getItem1().etag());
                    data.put("teamMembers", inTeam);
                    data.put("others", others);
                    data.put("teamRoles", TEAM_ROLES);
                    // team admins manage their team's members without team:manage in the organization
                    data.put("canManageMembers", seen.can().contains("team:manage") || "TEAM_ADMIN".equals(myTeamRole));
                    data.putAll(extra);
                    return data;
                }));
    }
}
