package dev.orgplatform.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "branding", mixinStandardHelpOptions = true,
        description = "An organization's colour, mail sender name and logo; each part not set holds from the nearest above.",
        subcommands = {BrandingCommand.Show.class, BrandingCommand.Set.class, BrandingCommand.Logo.class, BrandingCommand.RemoveLogo.class},
        footer = {"", "Example:", "  orgplatform branding set --color '#0a5cff' --mail-name 'Acme Support'"})
public class BrandingCommand extends GroupCommand {

    static final Column[] FIELDS = {new Column("COLOR", "/effective/primaryColor"), new Column("COLOR FROM", "/effective/primaryColorFrom"),
            new Column("MAIL NAME", "/effective/mailDisplayName"), new Column("MAIL NAME FROM", "/effective/mailDisplayNameFrom"),
            new Column("LOGO", "/effective/logo/mediaType"), new Column("LOGO FROM", "/effective/logoFrom"), new Column("OWN COLOR", "/own/primaryColor"),
            new Column("OWN MAIL NAME", "/own/mailDisplayName")};

    static String path(String organization) {
        return "/api/v1/organizations/" + organization + "/branding";
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "The branding that holds, where each part comes from, and its own.",
            footer = {"", "Example:", "  orgplatform branding show"})
    static class Show extends ApiCommand {
        @Mixin
        OrganizationOption org;

        @Override
        protected int run() {
            out().details(api().get("org-service", path(organization(org.organization))).body(), FIELDS);
            return ExitCode.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set its own colour and mail sender name (\"\" clears one).",
            footer = {"", "Example:", "  orgplatform branding set --color '#0a5cff' --mail-name 'Acme Support'"})
    static class Set extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Option(names = "--color", description = "#rrggbb")
        String color;
        @Option(names = "--mail-name", description = "the name invitation mails are sent under")
        String mailName;

        @Override
        protected int run() {
            String path = path(organization(org.organization));
            JsonNode own = api().get("org-service", path).body().path("own");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("primaryColor", color == null ? text(own, "primaryColor") : color.isEmpty() ? null : color);
            body.put("mailDisplayName", mailName == null ? text(own, "mailDisplayName") : mailName.isEmpty() ? null : mailName);
            JsonNode now = api().send("org-service", "PUT", path, body, null).body();
            out().say("Branding of " + organization(org.organization) + " set.", now);
            return ExitCode.OK;
        }

        private static String text(JsonNode own, String field) {
            return own.hasNonNull(field) ? own.get(field).asText() : null;
        }
    }

    @Command(name = "logo", mixinStandardHelpOptions = true, description = "Upload its own logo: PNG or JPEG of 500x500 to 4096x2048 pixels, "
            + "or an SVG with nothing that runs or loads; at most 512 KB.", footer = {"", "Example:", "  orgplatform branding logo acme.png"})
    static class Logo extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        protected int run() throws Exception {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            String mediaType = name.endsWith(".png") ? "image/png" : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg"
                    : name.endsWith(".svg") ? "image/svg+xml" : null;
            if (mediaType == null) {
                err().println("FILE: must end in .png, .jpg, .jpeg or .svg");
                return ExitCode.INVALID_INPUT;
            }
            if (!Files.isReadable(file)) {
                err().println("FILE: " + file + " cannot be read");
                return ExitCode.INVALID_INPUT;
            }
            Map<String, Object> body = Map.of("mediaType", mediaType, "data", Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
            JsonNode now = api().send("org-service", "PUT", path(organization(org.organization)) + "/logo", body, null).body();
            out().say("Logo of " + organization(org.organization) + " set (" + mediaType + ").", now);
            return ExitCode.OK;
        }
    }

    @Command(name = "remove-logo", mixinStandardHelpOptions = true, description = "Remove its own logo (the one above holds again, if any).",
            footer = {"", "Example:", "  orgplatform branding remove-logo"})
    static class RemoveLogo extends ApiCommand {
        @Mixin
        OrganizationOption org;

        @Override
        protected int run() {
            JsonNode now = api().send("org-service", "DELETE", path(organization(org.organization)) + "/logo", null, null).body();
            out().say("Logo of " + organization(org.organization) + " removed.", now);
            return ExitCode.OK;
        }
    }
}
