package dev.orgplatform.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "members", mixinStandardHelpOptions = true, description = "An organization's members.",
        subcommands = {MembersCommand.ListMembers.class, MembersCommand.Transfer.class},
        footer = {"", "Example:", "  orgplatform members list --role ADMIN"})
public class MembersCommand extends GroupCommand {

    static final Column[] COLUMNS = {new Column("USER", "/userId"), new Column("ROLE", "/role"), new Column("TEAMS", "/teams"),
            new Column("STATUS", "/status"), new Column("SINCE", "/since")};

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Members in joining order, optionally by role, team or status.",
            footer = {"", "Example:", "  orgplatform members list --organization 7f1c... --team \"My Team\" --output json"})
    static class ListMembers extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Option(names = "--role")
        String role;
        @Option(names = "--team", description = "a team's id or name")
        String team;
        @Option(names = "--status", description = "ACTIVE or SUSPENDED")
        String status;
        @Mixin
        PageOptions page;

        @Override
        protected int run() {
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("role", role);
            filters.put("team", team);
            filters.put("status", status);
            printPage(api().get("user-service", "/api/v1/organizations/" + organization(org.organization) + "/members" + page.query(filters))
                    .body(), COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "transfer", mixinStandardHelpOptions = true,
            description = "Move a member to another organization of the same tree, with a role there (their teams, product "
                    + "permissions and API keys in the organization they leave end; their seat goes along).",
            footer = {"", "Example:", "  orgplatform members transfer 3b9e... --organization 7f1c... --to 0a42... --role DEVELOPER"})
    static class Transfer extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Parameters(index = "0", paramLabel = "USER_ID", description = "the member's user id")
        String userId;
        @Option(names = "--to", required = true, paramLabel = "ORGANIZATION_ID", description = "where they go: an organization of the same tree")
        String to;
        @Option(names = "--role", required = true, description = "their role there: ADMIN, MANAGER, DEVELOPER, OPERATOR or VIEWER")
        String role;

        @Override
        protected int run() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("toOrganizationId", to);
            body.put("role", role);
            out().print(api().post("user-service", "/api/v1/organizations/" + organization(org.organization) + "/members/"
                    + PageOptions.encode(userId) + "/transfer", body).body(), COLUMNS);
            return ExitCode.OK;
        }
    }
}
