package dev.orgplatform.cli.command;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.client.Reply;
import dev.orgplatform.cli.output.Output;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "limits", mixinStandardHelpOptions = true, description = "The plan's limits and what the tree uses of them.",
        subcommands = {LimitsCommand.Show.class, LimitsCommand.Set.class}, footer = {"", "Example:", "  orgplatform limits show"})
public class LimitsCommand extends GroupCommand {

    static String path(String organization) {
        return "/api/v1/organizations/" + organization;
    }

    static void print(Output out, JsonNode limits) {
        if (out.json()) {
            out.json(limits);
            return;
        }
        out.say("Plan " + limits.path("plan").asText() + " (billed at " + limits.path("billingOrganizationId").asText() + ")", null);
        out.print(limits.path("resources"), new Column("RESOURCE", "/resource"), new Column("LIMIT", "/limit"), new Column("USED", "/used"),
                new Column("USED HERE", "/usedHere"), new Column("MAXIMUM", "/maximum"), new Column("CUSTOM", "/custom"));
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Limits and usage (Owners and Admins).",
            footer = {"", "Example:", "  orgplatform limits show --output json"})
    static class Show extends ApiCommand {
        @Mixin
        OrganizationOption org;

        @Override
        protected int run() {
            print(out(), api().get("billing-service", path(organization(org.organization)) + "/limits").body());
            return ExitCode.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set a limit by hand (at the root of a tree); `default` "
            + "goes back to the plan's.", footer = {"", "Example:", "  orgplatform limits set users 120", "  orgplatform limits set users default"})
    static class Set extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Parameters(index = "0", paramLabel = "RESOURCE", description = "products, devices, users, apiKeys or webhooks")
        String resource;
        @Parameters(index = "1", paramLabel = "LIMIT", description = "a number, or default")
        String limit;

        @Override
        protected int run() {
            String base = path(organization(org.organization));
            Reply current = api().get("billing-service", base + "/limits");
            Reply changed = "default".equals(limit)
                    ? api().send("billing-service", "DELETE", base + "/limits/" + resource, null, current.etag())
                    : api().send("billing-service", "PUT", base + "/limits/" + resource, Map.of("limit", number(limit)), current.etag());
            print(out(), changed.body());
            return ExitCode.OK;
        }

        private static long number(String limit) {
            try {
                return Long.parseLong(limit);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("LIMIT must be a number or default, not " + limit);
            }
        }
    }
}
