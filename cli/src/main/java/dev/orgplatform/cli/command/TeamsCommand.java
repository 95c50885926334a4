package dev.orgplatform.cli.command;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "teams", mixinStandardHelpOptions = true, description = "An organization's teams.",
        subcommands = {TeamsCommand.ListTeams.class, TeamsCommand.Create.class, TeamsCommand.Rename.class, TeamsCommand.Delete.class,
                TeamsCommand.Members.class, TeamsCommand.AddMember.class, TeamsCommand.RemoveMember.class},
        footer = {"", "Example:", "  orgplatform teams add-member TEAM_ID USER_ID --team-role TEAM_ADMIN"})
public class TeamsCommand extends GroupCommand {

    static final Column[] COLUMNS = {new Column("ID", "/id"), new Column("NAME", "/name")};

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The organization's teams.",
            footer = {"", "Example:", "  orgplatform teams list --organization 7f1c..."})
    static class ListTeams extends ApiCommand {
        @Mixin
        OrganizationOption org;

        @Override
        protected int run() {
            out().print(api().get("user-service", "/api/v1/organizations/" + organization(org.organization) + "/teams").body(), COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "A new team.",
            footer = {"", "Example:", "  orgplatform teams create --name Firmware"})
    static class Create extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Option(names = "--name", required = true)
        String name;

        @Override
        protected int run() {
            out().print(api().post("user-service", "/api/v1/organizations/" + organization(org.organization) + "/teams",
                    Map.of("name", name)).body(), COLUMNS);
            return ExitCode.OK;
        }
    }

    /** A command about one team of the organization, named first. */
    abstract static class OneTeam extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Parameters(index = "0", paramLabel = "TEAM_ID")
        String team;

        String team() {
            return "/api/v1/organizations/" + organization(org.organization) + "/teams/" + team;
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Give a team another name.",
            footer = {"", "Example:", "  orgplatform teams rename 3e9d... --name Platform"})
    static class Rename extends OneTeam {
        @Option(names = "--name", required = true)
        String name;

        @Override
        protected int run() {
            String path = team();
            String version = api().get("user-service", path).etag();
            out().print(api().send("user-service", "PATCH", path, Map.of("name", name), version).body(), COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a team (its members stay in the organization).",
            footer = {"", "Example:", "  orgplatform teams delete 3e9d..."})
    static class Delete extends OneTeam {

        @Override
        protected int run() {
            api().send("user-service", "DELETE", team(), null, null);
            out().say("Deleted team " + team + ".", null);
            return ExitCode.OK;
        }
    }

    @Command(name = "members", mixinStandardHelpOptions = true, description = "A team's members and their team roles.",
            footer = {"", "Example:", "  orgplatform teams members 3e9d..."})
    static class Members extends OneTeam {

        @Override
        protected int run() {
            JsonNode members = api().get("user-service", team() + "/members").body();
            out().print(members.has("items") ? members.get("items") : members, new Column("USER", "/userId"),
                    new Column("TEAM ROLE", "/teamRole"));
            return ExitCode.OK;
        }
    }

    @Command(name = "add-member", mixinStandardHelpOptions = true, description = "Put a member of the organization in a team "
            + "(or change their team role).", footer = {"", "Example:", "  orgplatform teams add-member 3e9d... 5b2e... --team-role TEAM_ADMIN"})
    static class AddMember extends OneTeam {
        @Parameters(index = "1", paramLabel = "USER_ID")
        String user;
        @Option(names = "--team-role", defaultValue = "MEMBER", description = "MEMBER (default) or TEAM_ADMIN")
        String teamRole;

        @Override
        protected int run() {
            JsonNode member = api().send("user-service", "PUT", team() + "/members/" + user,
                    Map.of("teamRole", teamRole), null).body();
            out().say(user + " is in team " + team + " as " + member.path("teamRole").asText(teamRole) + ".", member);
            return ExitCode.OK;
        }
    }

    @Command(name = "remove-member", mixinStandardHelpOptions = true, description = "Take a member out of a team.",
            footer = {"", "Example:", "  orgplatform teams remove-member 3e9d... 5b2e..."})
    static class RemoveMember extends OneTeam {
        @Parameters(index = "1", paramLabel = "USER_ID")
        String user;

        @Override
        protected int run() {
            api().send("user-service", "DELETE", team() + "/members/" + user, null, null);
            out().say(user + " is no longer in team " + team + ".", null);
            return ExitCode.OK;
        }
    }
}
