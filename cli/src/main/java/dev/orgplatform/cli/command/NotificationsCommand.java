package dev.orgplatform.cli.command;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "notifications", mixinStandardHelpOptions = true, description = "What you were told, and how you want to be told.",
        subcommands = {NotificationsCommand.ListNotifications.class, NotificationsCommand.Read.class,
                NotificationsCommand.Preferences.class, NotificationsCommand.Channels.class},
        footer = {"", "Example:", "  orgplatform notifications channels DEPLOYMENTS email,in_app"})
public class NotificationsCommand extends GroupCommand {

    static final String PATH = "/api/v1/users/me/notifications";
    static final String PREFERENCES = "/api/v1/users/me/notification-preferences";
    static final Column[] COLUMNS = {new Column("ID", "/id"), new Column("CATEGORY", "/category"), new Column("TITLE", "/title"),
            new Column("ORGANIZATION", "/organizationId"), new Column("AT", "/createdAt"), new Column("READ", "/readAt")};

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Your notifications, newest first.",
            footer = {"", "Example:", "  orgplatform notifications list --unread"})
    static class ListNotifications extends ApiCommand {
        @Mixin
        PageOptions page;
        @Option(names = "--unread", description = "only those not read yet")
        boolean unread;

        @Override
        protected int run() {
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("unread", unread ? "true" : null);
            printPage(api().get("user-service", PATH + page.query(filters)).body(), COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true, description = "Mark one notification read, or all of them.",
            footer = {"", "Examples:", "  orgplatform notifications read 3e9d...", "  orgplatform notifications read --all"})
    static class Read extends ApiCommand {
        @ArgGroup(multiplicity = "1")
        Which which;

        static class Which {
            @Parameters(paramLabel = "ID")
            String id;
            @Option(names = "--all", description = "every one")
            boolean all;
        }

        @Override
        protected int run() {
            api().post("user-service", PATH + (which.all ? "/read" : "/" + which.id + "/read"), null);
            out().say(which.all ? "All read." : "Read " + which.id + ".", null);
            return ExitCode.OK;
        }
    }

    @Command(name = "preferences", mixinStandardHelpOptions = true, description = "The channels of each category, your phone and webhook.",
            footer = {"", "Example:", "  orgplatform notifications preferences"})
    static class Preferences extends ApiCommand {
        @Override
        protected int run() {
            JsonNode preferences = api().get("user-service", PREFERENCES).body();
            out().details(preferences, new Column("SECURITY", "/channels/SECURITY"), new Column("MEMBERSHIP", "/channels/MEMBERSHIP"),
                    new Column("BILLING", "/channels/BILLING"), new Column("DEPLOYMENTS", "/channels/DEPLOYMENTS"),
                    new Column("PHONE", "/phone"), new Column("WEBHOOK", "/webhookUrl"));
            return ExitCode.OK;
        }
    }

    @Command(name = "channels", mixinStandardHelpOptions = true, description = "How to be told of one category: channels among "
            + "email, in_app, sms, webhook (\"none\": not at all); SMS needs --phone, WEBHOOK --webhook-url.",
            footer = {"", "Examples:", "  orgplatform notifications channels DEPLOYMENTS email,in_app",
                    "  orgplatform notifications channels SECURITY email,sms --phone +4915112345678"})
    static class Channels extends ApiCommand {
        @Parameters(index = "0", paramLabel = "CATEGORY", description = "SECURITY, MEMBERSHIP, BILLING or DEPLOYMENTS")
        String category;
        @Parameters(index = "1", paramLabel = "CHANNELS")
        String channels;
        @Option(names = "--phone", description = "E.164, e.g. +4915112345678")
        String phone;
        @Option(names = "--webhook-url", description = "https://...")
        String webhookUrl;

        @Override
        protected int run() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("channels", Map.of(category.toUpperCase(Locale.ROOT), channels.equalsIgnoreCase("none") ? java.util.List.of()
                    : UsersCommand.list(channels.toUpperCase(Locale.ROOT))));
            OrganizationsCommand.putIf(body, "phone", phone);
            OrganizationsCommand.putIf(body, "webhookUrl", webhookUrl);
            JsonNode now = api().send("user-service", "PUT", PREFERENCES, body, null).body();
            out().say(category.toUpperCase(Locale.ROOT) + ": " + now.path("channels").path(category.toUpperCase(Locale.ROOT)), now);
            return ExitCode.OK;
        }
    }
}
