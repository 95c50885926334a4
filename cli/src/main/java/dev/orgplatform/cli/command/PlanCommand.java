package dev.orgplatform.cli.command;

import java.util.Map;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.client.Reply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "plan", mixinStandardHelpOptions = true, description = "The plan of a tree (set at its root).",
        subcommands = PlanCommand.Set.class, footer = {"", "Example:", "  orgplatform plan set PRO"})
public class PlanCommand extends GroupCommand {

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Change the plan: its limits apply unless set by hand.",
            footer = {"", "Example:", "  orgplatform plan set PRO --organization 7f1c..."})
    static class Set extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Parameters(paramLabel = "PLAN", description = "FREE, PLUS, PRO, BUSINESS or ENTERPRISE")
        String plan;

        @Override
        protected int run() {
            String base = LimitsCommand.path(organization(org.organization));
            Reply current = api().get("billing-service", base + "/limits");
            LimitsCommand.print(out(), api().send("billing-service", "PUT", base + "/plan", Map.of("plan", plan), current.etag()).body());
            return ExitCode.OK;
        }
    }
}
