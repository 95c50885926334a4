package dev.orgplatform.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.Command;

@Command(name = "whoami", mixinStandardHelpOptions = true, description = "Who the CLI acts as, and the default organization.",
        footer = {"", "Example:", "  orgplatform whoami"})
public class WhoamiCommand extends ApiCommand {

    @Override
    protected int run() {
        JsonNode me = api().get("user-service", "/api/v1/users/me").body();
        ObjectNode shown = ((ObjectNode) me.deepCopy()).put("defaultOrganization", config().settings().get("organization"));
        out().details(shown, new Column("user", "/id"), new Column("email", "/email"), new Column("name", "/name"),
                new Column("default organization", "/defaultOrganization"));
        return ExitCode.OK;
    }
}
