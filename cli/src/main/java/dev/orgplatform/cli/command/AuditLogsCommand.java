package dev.orgplatform.cli.command;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit-logs", mixinStandardHelpOptions = true, description = "The organization's audit log (Owners and Admins).",
        subcommands = AuditLogsCommand.ListEntries.class,
        footer = {"", "Example:", "  orgplatform audit-logs list --user 0c4f... --from 2024-01-01 --to 2024-01-31"})
public class AuditLogsCommand extends GroupCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Entries, newest first, by actor and day range.",
            footer = {"", "Example:", "  orgplatform audit-logs list --user 0c4f... --from 2024-01-01 --to 2024-01-31"})
    static class ListEntries extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Option(names = "--user", paramLabel = "USER_ID", description = "who acted")
        String user;
        @Option(names = "--action", description = "e.g. MemberRoleChanged")
        String action;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "from the start of this day (UTC)")
        LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "to the end of this day (UTC)")
        LocalDate to;
        @Mixin
        PageOptions page;

        @Override
        protected int run() {
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("actor", user);
            filters.put("action", action);
            filters.put("from", from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC).toString());
            filters.put("to", to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
            printPage(api().get("user-service", "/api/v1/organizations/" + organization(org.organization) + "/audit" + page.query(filters)).body(),
                    new Column("WHEN", "/occurredAt"), new Column("ACTION", "/action"), new Column("ACTOR", "/actorId"),
                    new Column("TARGET", "/target"), new Column("SOURCE", "/source"));
            return ExitCode.OK;
        }
    }
}
