package dev.orgplatform.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "invitations", mixinStandardHelpOptions = true, description = "Invitations sent (invite with `users invite`).",
        subcommands = {InvitationsCommand.ListInvitations.class, InvitationsCommand.Resend.class, InvitationsCommand.Revoke.class},
        footer = {"", "Example:", "  orgplatform invitations list --state PENDING"})
public class InvitationsCommand extends GroupCommand {

    static final Column[] COLUMNS = {new Column("ID", "/id"), new Column("EMAIL", "/email"), new Column("ROLE", "/role"),
            new Column("TEAMS", "/teams"), new Column("STATE", "/state"), new Column("EXPIRES", "/expiresAt")};

    static String path(String organization) {
        return "/api/v1/organizations/" + organization + "/invitations";
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Invitations, newest first.",
            footer = {"", "Example:", "  orgplatform invitations list --state PENDING --output json"})
    static class ListInvitations extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Option(names = "--state", description = "PENDING, ACCEPTED, REVOKED or EXPIRED")
        String state;
        @Mixin
        PageOptions page;

        @Override
        protected int run() {
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("state", state);
            printPage(api().get("invitation-service", path(organization(org.organization)) + page.query(filters)).body(), COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "resend", mixinStandardHelpOptions = true, description = "Send a pending invitation's mail again.",
            footer = {"", "Example:", "  orgplatform invitations resend 5d0e..."})
    static class Resend extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Parameters(paramLabel = "INVITATION_ID")
        String id;

        @Override
        protected int run() {
            JsonNode i = api().post("invitation-service", path(organization(org.organization)) + "/" + id + "/resend", null).body();
            out().say("Sent again to " + i.path("email").asText() + "; it expires " + i.path("expiresAt").asText() + ".", i);
            return ExitCode.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a pending invitation (its link stops working).",
            footer = {"", "Example:", "  orgplatform invitations revoke 5d0e..."})
    static class Revoke extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Parameters(paramLabel = "INVITATION_ID")
        String id;

        @Override
        protected int run() {
            JsonNode i = api().send("invitation-service", "DELETE", path(organization(org.organization)) + "/" + id, null, null).body();
            out().say("Revoked " + id + ".", i);
            return ExitCode.OK;
        }
    }
}
