package dev.orgplatform.cli.command;

import java.util.Map;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "teams", mixinStandardHelpOptions = true, description = "An organization's teams.",
        subcommands = {TeamsCommand.ListTeams.class, TeamsCommand.Create.class}, footer = {"", "Example:", "  orgplatform teams list"})
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
}
