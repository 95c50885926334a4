package dev.orgplatform.cli;

import java.io.PrintWriter;

import dev.orgplatform.cli.client.ApiException;
import dev.orgplatform.cli.command.ApiKeysCommand;
import dev.orgplatform.cli.command.AuditLogsCommand;
import dev.orgplatform.cli.command.BrandingCommand;
import dev.orgplatform.cli.command.ConfigCommand;
import dev.orgplatform.cli.command.InvitationsCommand;
import dev.orgplatform.cli.command.LimitsCommand;
import dev.orgplatform.cli.command.LoginCommand;
import dev.orgplatform.cli.command.LogoutCommand;
import dev.orgplatform.cli.command.MembersCommand;
import dev.orgplatform.cli.command.NotificationsCommand;
import dev.orgplatform.cli.command.OrganizationsCommand;
import dev.orgplatform.cli.command.PlanCommand;
import dev.orgplatform.cli.command.SettingsCommand;
import dev.orgplatform.cli.command.SsoCommand;
import dev.orgplatform.cli.command.TeamsCommand;
import dev.orgplatform.cli.command.UsersCommand;
import dev.orgplatform.cli.command.WhoamiCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code orgplatform}: the organization platform from a terminal or a pipeline. */
@Command(name = "orgplatform", mixinStandardHelpOptions = true, version = "orgplatform 0.1.0",
        description = "Organizations, members, invitations, API keys and limits of the organization platform.",
        subcommands = {LoginCommand.class, LogoutCommand.class, WhoamiCommand.class, OrganizationsCommand.class, MembersCommand.class,
                TeamsCommand.class, InvitationsCommand.class, UsersCommand.class, ApiKeysCommand.class, AuditLogsCommand.class,
                LimitsCommand.class, PlanCommand.class, SsoCommand.class, BrandingCommand.class, NotificationsCommand.class,
                SettingsCommand.class, ConfigCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 failed, 2 invalid input, 3 not signed in, 4 not allowed, 5 not found, 6 conflict,",
                "7 service unavailable, 8 some items of a bulk operation failed.", "",
                "Example:", "  orgplatform login", "  orgplatform organizations list --output json"})
public class OrgPlatformCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its exit codes: an API's refusal prints its problem and exits with its code. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new OrgPlatformCli());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof ApiException api) {
                err.println("error: " + api.explain());
                err.flush();
                return api.exitCode();
            }
            if (e instanceof IllegalArgumentException) {
                err.println("error: " + e.getMessage());
                err.flush();
                return ExitCode.INVALID_INPUT;
            }
            err.println("error: " + e);
            err.flush();
            return ExitCode.FAILED;
        });
        return cl;
    }
}
