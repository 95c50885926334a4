package dev.orgplatform.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sso", mixinStandardHelpOptions = true,
        description = "The organization's own identity providers, its verified email domains and how members may sign in.",
        subcommands = {SsoCommand.Connections.class, SsoCommand.Domains.class, SsoCommand.Policy.class},
        footer = {"", "Example:", "  orgplatform sso domains claim acme.com",
                "  orgplatform sso connections create --oidc --name \"Acme login\" --domain acme.com --issuer https://login.acme.com"
                        + " --client-id platform --client-secret ..."})
public class SsoCommand extends GroupCommand {

    static String path(String organization, String what) {
        return "/api/v1/organizations/" + organization + "/" + what;
    }

    @Command(name = "connections", mixinStandardHelpOptions = true, description = "OIDC and SAML 2.0 connections.",
            subcommands = {ListConnections.class, CreateConnection.class, DeleteConnection.class})
    static class Connections extends GroupCommand {
    }

    static final Column[] CONNECTION_COLUMNS = {new Column("ID", "/id"), new Column("NAME", "/displayName"),
            new Column("PROTOCOL", "/protocol"), new Column("DOMAIN", "/domain"), new Column("ROUTES LOGINS", "/routesLogins"),
            new Column("ROLE", "/defaultRole"), new Column("KEYCLOAK", "/keycloak")};

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The connections and whether Keycloak holds them yet.")
    static class ListConnections extends ApiCommand {
        @Mixin
        OrganizationOption org;

        @Override
        protected int run() {
            out().print(api().get("user-service", path(organization(org.organization), "sso-connections")).body(), CONNECTION_COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "A connection; it routes logins of its domain once the domain is verified.",
            footer = {"", "Examples:",
                    "  orgplatform sso connections create --oidc --name \"Acme login\" --domain acme.com --issuer https://login.acme.com"
                            + " --client-id platform --client-secret s3cret --default-role DEVELOPER",
                    "  orgplatform sso connections create --saml --name \"Acme SAML\" --domain acme.com"
                            + " --metadata-url https://idp.acme.com/metadata"})
    static class CreateConnection extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Option(names = "--oidc", description = "an OpenID Connect provider")
        boolean oidc;
        @Option(names = "--saml", description = "a SAML 2.0 provider")
        boolean saml;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--domain", required = true, description = "a domain the organization claims")
        String domain;
        @Option(names = "--issuer")
        String issuer;
        @Option(names = "--client-id")
        String clientId;
        @Option(names = "--client-secret")
        String clientSecret;
        @Option(names = "--metadata-url")
        String metadataUrl;
        @Option(names = "--metadata-file", description = "a file with the SAML metadata document")
        Path metadataFile;
        @Option(names = "--email-attribute")
        String emailAttribute;
        @Option(names = "--first-name-attribute")
        String firstNameAttribute;
        @Option(names = "--last-name-attribute")
        String lastNameAttribute;
        @Option(names = "--default-role", description = "the role of who joins through it (default VIEWER)")
        String defaultRole;
        @Option(names = "--default-team")
        String defaultTeam;

        @Override
        protected int run() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("protocol", saml ? "SAML" : "OIDC");
            body.put("displayName", name);
            body.put("domain", domain);
            OrganizationsCommand.putIf(body, "issuer", issuer);
            OrganizationsCommand.putIf(body, "clientId", clientId);
            OrganizationsCommand.putIf(body, "clientSecret", clientSecret);
            OrganizationsCommand.putIf(body, "metadataUrl", metadataUrl);
            OrganizationsCommand.putIf(body, "metadataXml", metadataFile == null ? null : Files.readString(metadataFile));
            OrganizationsCommand.putIf(body, "emailAttribute", emailAttribute);
            OrganizationsCommand.putIf(body, "firstNameAttribute", firstNameAttribute);
            OrganizationsCommand.putIf(body, "lastNameAttribute", lastNameAttribute);
            OrganizationsCommand.putIf(body, "defaultRole", defaultRole);
            OrganizationsCommand.putIf(body, "defaultTeam", defaultTeam);
            JsonNode c = api().post("user-service", path(organization(org.organization), "sso-connections"), body).body();
            out().say("SSO connection " + c.path("id").asText() + " (" + c.path("displayName").asText() + "): "
                    + (c.path("routesLogins").asBoolean() ? "routes logins of " : "will route logins once you verify ") + c.path("domain").asText()
                    + "; Keycloak " + c.path("keycloak").asText() + ".", c);
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a connection: sessions it started are refused here at once.")
    static class DeleteConnection extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Parameters(paramLabel = "CONNECTION_ID")
        String id;

        @Override
        protected int run() {
            api().send("user-service", "DELETE", path(organization(org.organization), "sso-connections/" + id), null, null);
            out().say("Deleted " + id + ".", null);
            return ExitCode.OK;
        }
    }

    @Command(name = "domains", mixinStandardHelpOptions = true, description = "Email domains, verified by a DNS TXT record.",
            subcommands = {ListDomains.class, ClaimDomain.class, VerifyDomain.class, RemoveDomain.class})
    static class Domains extends GroupCommand {
    }

    static final Column[] DOMAIN_COLUMNS = {new Column("ID", "/id"), new Column("DOMAIN", "/domain"), new Column("STATE", "/state"),
            new Column("TXT RECORD", "/recordName"), new Column("TEXT", "/recordValue"), new Column("LAST CHECK", "/checkFailure")};

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Claimed domains and their state.")
    static class ListDomains extends ApiCommand {
        @Mixin
        OrganizationOption org;

        @Override
        protected int run() {
            out().print(api().get("user-service", path(organization(org.organization), "domains")).body(), DOMAIN_COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "claim", mixinStandardHelpOptions = true, description = "Claim a domain; prints the TXT record to publish.")
    static class ClaimDomain extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Parameters(paramLabel = "DOMAIN")
        String domain;

        @Override
        protected int run() {
            JsonNode d = api().post("user-service", path(organization(org.organization), "domains"), Map.of("domain", domain)).body();
            out().say("Claimed " + d.path("domain").asText() + " (" + d.path("id").asText() + "). Publish this TXT record, then run"
                    + " 'orgplatform sso domains verify " + d.path("id").asText() + "':\n  " + d.path("recordName").asText() + "  TXT  \""
                    + d.path("recordValue").asText() + "\"", d);
            return ExitCode.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Look up the domain's TXT record now.")
    static class VerifyDomain extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Parameters(paramLabel = "DOMAIN_ID")
        String id;

        @Override
        protected int run() {
            JsonNode d = api().post("user-service", path(organization(org.organization), "domains/" + id + "/verify"), null).body();
            boolean verified = "VERIFIED".equals(d.path("state").asText());
            out().say(verified ? d.path("domain").asText() + " is verified." : d.path("domain").asText() + " is not verified: "
                    + d.path("checkFailure").asText(), d);
            return verified ? ExitCode.OK : ExitCode.CONFLICT;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "No longer claim a domain.")
    static class RemoveDomain extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Parameters(paramLabel = "DOMAIN_ID")
        String id;

        @Override
        protected int run() {
            api().send("user-service", "DELETE", path(organization(org.organization), "domains/" + id), null, null);
            out().say("Removed " + id + ".", null);
            return ExitCode.OK;
        }
    }

    @Command(name = "policy", mixinStandardHelpOptions = true,
            description = "How members may sign in: PASSWORD, PASSWORD_AND_SSO or SSO_ONLY (shown without --set).",
            footer = {"", "Example:", "  orgplatform sso policy --set SSO_ONLY"})
    static class Policy extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Option(names = "--set", description = "the new policy")
        String set;
        @Option(names = "--confirm-lockout", description = "set it even though your own session would be refused")
        boolean confirmLockout;

        @Override
        protected int run() {
            String path = path(organization(org.organization), "sign-in-policy");
            JsonNode p = set == null ? api().get("user-service", path).body()
                    : api().send("user-service", "PUT", path + (confirmLockout ? "?confirm=lockout" : ""), Map.of("policy", set), null).body();
            out().say("Sign-in policy " + p.path("policy").asText() + " (passwords " + (p.path("passwordAdmitted").asBoolean() ? "" : "not ")
                    + "admitted, SSO " + (p.path("ssoAdmitted").asBoolean() ? "" : "not ") + "admitted here).", p);
            return ExitCode.OK;
        }
    }
}
