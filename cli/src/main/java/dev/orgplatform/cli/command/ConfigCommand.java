package dev.orgplatform.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.config.Endpoints;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "config", mixinStandardHelpOptions = true, description = "Where the CLI finds Keycloak and the services.",
        subcommands = {ConfigCommand.Show.class, ConfigCommand.Set.class},
        footer = {"", "Example:", "  orgplatform config set org-service-url https://api.example.com"})
public class ConfigCommand extends GroupCommand {

    @Command(name = "show", mixinStandardHelpOptions = true, description = "The addresses in effect and the default organization.",
            footer = {"", "Example:", "  orgplatform config show"})
    static class Show extends ApiCommand {
        @Override
        protected int run() {
            Endpoints e = endpoints();
            ObjectNode shown = new ObjectMapper().createObjectNode().put("keycloak-url", e.keycloakUrl()).put("realm", e.realm())
                    .put("client-id", e.clientId()).put("organization", config().settings().get("organization"))
                    .put("config-dir", config().dir().toString());
            e.services().forEach((service, url) -> shown.put(service + "-url", url));
            Column[] fields = shown.properties().stream().map(p -> new Column(p.getKey(), "/" + p.getKey())).toArray(Column[]::new);
            out().details(shown, fields);
            return ExitCode.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Keep a setting in config.json: keycloak-url, realm, "
            + "client-id, org-service-url, user-service-url, invitation-service-url, billing-service-url, organization.",
            footer = {"", "Example:", "  orgplatform config set keycloak-url https://sso.example.com"})
    static class Set extends ApiCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;
        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        protected int run() {
            if (!key.matches("keycloak-url|realm|client-id|(org|user|invitation|billing)-service-url|organization")) {
                throw new IllegalArgumentException("KEY: no setting named " + key);
            }
            config().set(key, value);
            out().say(key + " = " + value, null);
            return ExitCode.OK;
        }
    }
}
