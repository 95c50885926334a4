package dev.orgplatform.cli.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.orgplatform.cli.output.Output;
import picocli.CommandLine.Option;

/** The options every command takes. */
public class GlobalOptions {

    @Option(names = {"-o", "--output"}, description = "table (default) or json", defaultValue = "table")
    Output.Format output;

    @Option(names = "--api-key", description = "an API key instead of the sign-in (default: $ORGPLATFORM_API_KEY)",
            defaultValue = "${env:ORGPLATFORM_API_KEY}")
    String apiKey;

    @Option(names = "--config-dir", description = "where config.json and the sign-in are kept (default: $ORGPLATFORM_CONFIG_DIR, "
            + "else ~/.config/orgplatform)")
    Path configDir;

    @Option(names = "--keycloak-url", description = "Keycloak's base address (default: config, $ORGPLATFORM_KEYCLOAK_URL, http://127.0.0.1:18080)")
    String keycloakUrl;

    @Option(names = "--service-url", paramLabel = "SERVICE=URL", description = "a service's address, e.g. org-service=https://api.example.com "
            + "(default: config, $ORGPLATFORM_ORG_SERVICE_URL..., the local stack)")
    Map<String, String> serviceUrls = new LinkedHashMap<>();

    Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        serviceUrls.forEach((service, url) -> flags.put(service + "-url", url));
        if (keycloakUrl != null) {
            flags.put("keycloak-url", keycloakUrl);
        }
        return flags;
    }
}
