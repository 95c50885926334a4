package dev.orgplatform.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.client.Reply;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "An organization's security settings (2FA, IP allowlist, session length, API key lifetime) and billing contact; "
                + "the strictest of its own and its ancestors' holds.",
        subcommands = {SettingsCommand.Show.class, SettingsCommand.Effective.class, SettingsCommand.Set.class},
        footer = {"", "Example:", "  orgplatform settings set --enforce-2fa true --ip-allowlist 203.0.113.0/24,198.51.100.7/32"})
public class SettingsCommand extends GroupCommand {

    static String path(String organization) {
        return "/api/v1/organizations/" + organization + "/settings";
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Its own settings (Owners and Admins).",
            footer = {"", "Example:", "  orgplatform settings show --output json"})
    static class Show extends ApiCommand {
        @Mixin
        OrganizationOption org;

        @Override
        protected int run() {
            out().details(api().get("org-service", path(organization(org.organization))).body(),
                    new Column("ENFORCE 2FA", "/security/enforce2fa"), new Column("IP ALLOWLIST", "/security/ipAllowlist"),
                    new Column("MAX SESSION MINUTES", "/security/maxSessionMinutes"),
                    new Column("API KEY MAX LIFETIME DAYS", "/security/apiKeyMaxLifetimeDays"),
                    new Column("BILLING CONTACT", "/billingContactEmail"), new Column("VERSION", "/version"));
            return ExitCode.OK;
        }
    }

    @Command(name = "effective", mixinStandardHelpOptions = true,
            description = "What holds for it, inherited from above included, and which organizations set each.",
            footer = {"", "Example:", "  orgplatform settings effective"})
    static class Effective extends ApiCommand {
        @Mixin
        OrganizationOption org;

        @Override
        protected int run() {
            out().details(api().get("org-service", path(organization(org.organization)) + "/effective").body(),
                    new Column("ENFORCE 2FA", "/enforce2fa"), new Column("2FA SET BY", "/setBy/enforce2fa"),
                    new Column("IP ALLOWLIST ENFORCED", "/ipAllowlistEnforced"), new Column("IP ALLOWLIST", "/ipAllowlist"),
                    new Column("ALLOWLIST SET BY", "/setBy/ipAllowlist"), new Column("MAX SESSION MINUTES", "/maxSessionMinutes"),
                    new Column("SESSION SET BY", "/setBy/maxSessionMinutes"), new Column("API KEY MAX LIFETIME DAYS", "/apiKeyMaxLifetimeDays"),
                    new Column("KEY LIFETIME SET BY", "/setBy/apiKeyMaxLifetimeDays"), new Column("BILLING CONTACT", "/billingContactEmail"));
            return ExitCode.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Change its own settings; what is not named stays (\"\" clears a list, a limit or the contact).",
            footer = {"", "Example:", "  orgplatform settings set --max-session-minutes 480 --api-key-max-lifetime-days \"\"",
                    "  orgplatform settings set --ip-allowlist 203.0.113.0/24 --confirm-lockout"})
    static class Set extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Option(names = "--enforce-2fa", paramLabel = "true|false", description = "members must sign in with a second factor")
        Boolean enforce2fa;
        @Option(names = "--ip-allowlist", paramLabel = "CIDR,...", description = "the addresses members may connect from")
        String ipAllowlist;
        @Option(names = "--max-session-minutes", paramLabel = "N", description = "the longest a sign-in counts here")
        String maxSessionMinutes;
        @Option(names = "--api-key-max-lifetime-days", paramLabel = "N", description = "the longest an API key here may live")
        String apiKeyMaxLifetimeDays;
        @Option(names = "--billing-contact-email", paramLabel = "EMAIL")
        String billingContactEmail;
        @Option(names = "--confirm-lockout", description = "set an allowlist even though it refuses this machine's own address")
        boolean confirmLockout;

        @Override
        protected int run() {
            String path = path(organization(org.organization));
            Reply current = api().get("org-service", path);
            JsonNode own = current.body();
            JsonNode security = own.path("security");
            Map<String, Object> changed = new LinkedHashMap<>();
            changed.put("enforce2fa", enforce2fa != null ? enforce2fa : security.path("enforce2fa").asBoolean());
            changed.put("ipAllowlist", ipAllowlist != null ? cidrs(ipAllowlist) : texts(security.path("ipAllowlist")));
            changed.put("maxSessionMinutes", number(maxSessionMinutes, security.path("maxSessionMinutes")));
            changed.put("apiKeyMaxLifetimeDays", number(apiKeyMaxLifetimeDays, security.path("apiKeyMaxLifetimeDays")));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("security", changed);
            body.put("billingContactEmail", billingContactEmail != null ? (billingContactEmail.isEmpty() ? null : billingContactEmail)
                    : own.hasNonNull("billingContactEmail") ? own.get("billingContactEmail").asText() : null);
            JsonNode now = api().send("org-service", "PUT", path + (confirmLockout ? "?confirm=lockout" : ""), body, current.etag()).body();
            out().say("Settings of " + organization(org.organization) + " changed (version " + now.path("version").asText() + ").", now);
            return ExitCode.OK;
        }

        private static List<String> cidrs(String list) {
            List<String> cidrs = new ArrayList<>();
            for (String cidr : list.split(",")) {
                if (!cidr.isBlank()) {
                    cidrs.add(cidr.trim());
                }
            }
            return cidrs;
        }

        private static List<String> texts(JsonNode array) {
            List<String> texts = new ArrayList<>();
            array.forEach(t -> texts.add(t.asText()));
            return texts;
        }

        /** The number given ("" clears it; the server names a bad one), or the one it has. */
        private static Object number(String given, JsonNode current) {
            if (given == null) {
                return current.isNumber() ? current.asInt() : null;
            }
            if (given.isBlank()) {
                return null;
            }
            try {
                return Integer.parseInt(given.trim());
            } catch (NumberFormatException e) {
                return given; // sent as it is: the problem that comes back names the field
            }
        }
    }
}
