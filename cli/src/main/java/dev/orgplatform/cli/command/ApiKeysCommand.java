package dev.orgplatform.cli.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "api-keys", mixinStandardHelpOptions = true, description = "Your API keys for automation (X-API-Key, or --api-key here).",
        subcommands = {ApiKeysCommand.Create.class, ApiKeysCommand.ListKeys.class, ApiKeysCommand.Revoke.class},
        footer = {"", "Example:", "  orgplatform api-keys create --name \"CI/CD Pipeline\" --expires-in 90d --scopes read,write"})
public class ApiKeysCommand extends GroupCommand {

    static final Column[] COLUMNS = {new Column("ID", "/id"), new Column("NAME", "/name"), new Column("PREFIX", "/prefix"),
            new Column("SCOPES", "/scopes"), new Column("EXPIRES", "/expiresAt"), new Column("REVOKED", "/revokedAt"),
            new Column("LAST USED", "/lastUsedAt")};

    static String path(String organization) {
        return "/api/v1/organizations/" + organization + "/api-keys";
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "A new key; its secret is shown this once.",
            footer = {"", "Example:", "  orgplatform api-keys create --name \"CI/CD Pipeline\" --expires-in 90d --scopes read,write"})
    static class Create extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--scopes", required = true, description = "read, write or permission names, comma-separated")
        String scopes;
        @Option(names = "--expires-in", description = "days, e.g. 90d (default: 90 days or the organization's cap)")
        String expiresIn;

        @Override
        protected int run() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            List<String> s = UsersCommand.list(scopes);
            body.put("scopes", s);
            OrganizationsCommand.putIf(body, "expiresIn", expiresIn);
            JsonNode key = api().post("user-service", path(organization(org.organization)), body).body();
            out().say("API key " + key.path("id").asText() + " (" + key.path("name").asText() + "), expires " + key.path("expiresAt").asText()
                    + ".\nSecret (shown once, keep it now): " + key.path("secret").asText(), key);
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Keys (no secrets); Owners and Admins see everyone's.",
            footer = {"", "Example:", "  orgplatform api-keys list"})
    static class ListKeys extends ApiCommand {
        @Mixin
        OrganizationOption org;

        @Override
        protected int run() {
            JsonNode keys = api().get("user-service", path(organization(org.organization))).body();
            out().print(keys.has("items") ? keys.get("items") : keys, COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key: it stops working at once.",
            footer = {"", "Example:", "  orgplatform api-keys revoke 3e9d..."})
    static class Revoke extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Parameters(paramLabel = "KEY_ID")
        String id;

        @Override
        protected int run() {
            api().send("user-service", "DELETE", path(organization(org.organization)) + "/" + id, null, null);
            out().say("Revoked " + id + ".", null);
            return ExitCode.OK;
        }
    }
}
