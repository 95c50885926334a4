package dev.orgplatform.cli.command;

import java.awt.Desktop;
import java.net.URI;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.client.Api;
import dev.orgplatform.cli.client.Keycloak;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Sign in with the device authorization grant: open the address shown, enter the code, sign in there.",
        footer = {"", "Example:", "  orgplatform login", "  orgplatform login --keycloak-url https://sso.example.com --no-browser"})
public class LoginCommand extends ApiCommand {

    @Option(names = "--no-browser", description = "only print the address and the code (the default where no browser can open)")
    boolean noBrowser;

    @Override
    protected int run() throws Exception {
        Keycloak keycloak = new Keycloak(endpoints(), Api.httpClient());
        Keycloak.DeviceCode code = keycloak.startDeviceLogin();
        err().println("Open " + code.verificationUri() + " and enter the code " + code.userCode());
        if (code.verificationUriComplete() != null) {
            err().println("(or open " + code.verificationUriComplete() + ")");
        }
        err().flush();
        if (!noBrowser) {
            browse(code.verificationUriComplete() != null ? code.verificationUriComplete() : code.verificationUri());
        }
        ObjectNode session = keycloak.awaitDeviceLogin(code, polls -> { });
        config().write(Api.SESSION, session);
        out().say("Signed in. The sign-in is kept in " + config().dir().resolve(Api.SESSION) + " (readable by you only).", null);
        return ExitCode.OK;
    }

    private static void browse(String url) {
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
            }
        } catch (Exception | LinkageError e) {
            // no browser here: the address printed above is enough
        }
    }
}
