package dev.orgplatform.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.client.Api;
import dev.orgplatform.cli.client.Keycloak;
import picocli.CommandLine.Command;

@Command(name = "logout", mixinStandardHelpOptions = true, description = "Revoke the sign-in at Keycloak and forget it here.",
        footer = {"", "Example:", "  orgplatform logout"})
public class LogoutCommand extends ApiCommand {

    @Override
    protected int run() {
        ObjectNode session = config().read(Api.SESSION);
        if (session.hasNonNull("refreshToken")) {
            new Keycloak(endpoints(), Api.httpClient()).revoke(session.path("refreshToken").asText());
        }
        config().delete(Api.SESSION);
        out().say("Signed out.", null);
        return ExitCode.OK;
    }
}
