package dev.orgplatform.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.client.Reply;
import dev.orgplatform.cli.output.Output;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "organizations", aliases = "orgs", mixinStandardHelpOptions = true,
        description = "Create, find, show, move, delete, restore organizations and hand them over; choose the default one.",
        subcommands = {OrganizationsCommand.Create.class, OrganizationsCommand.ListAll.class, OrganizationsCommand.Search.class,
                OrganizationsCommand.Show.class, OrganizationsCommand.Move.class, OrganizationsCommand.Delete.class,
                OrganizationsCommand.Restore.class, OrganizationsCommand.TransferOwnership.class, OrganizationsCommand.Use.class},
        footer = {"", "Example:", "  orgplatform organizations list"})
public class OrganizationsCommand extends GroupCommand {

    static final String ORGS = "/api/v1/organizations";
    static final Column[] COLUMNS = {new Column("ID", "/id"), new Column("NAME", "/name"), new Column("DISPLAY NAME", "/displayName"),
            new Column("REGION", "/region"), new Column("STATE", "/state"), new Column("PARENT", "/parentId")};

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an organization (you become its Owner), or a "
            + "sub-organization with --parent.",
            footer = {"", "Example:", "  orgplatform organizations create --name acme --display-name \"Acme Corp\" --region EU --country DE",
                    "  orgplatform organizations create --parent 7f1c... --name acme-eu --display-name \"Acme Europe\""})
    static class Create extends ApiCommand {
        @Option(names = "--name", required = true, description = "a slug: lowercase letters, digits, inner hyphens; never changes")
        String name;
        @Option(names = "--display-name", required = true)
        String displayName;
        @Option(names = "--region", description = "EU, US or APAC (a sub-organization: its parent's)")
        String region;
        @Option(names = "--parent", paramLabel = "ID", description = "make a sub-organization of this one")
        String parent;
        @Option(names = "--description")
        String description;
        @Option(names = "--contact-email")
        String contactEmail;
        @Option(names = "--country", paramLabel = "CC", description = "ISO 3166-1 alpha-2 code such as DE (a sub-organization: its parent's)")
        String country;
        @Option(names = "--type", description = "a sub-organization's type: client (the default) or, from the Business plan on, another on offer")
        String type;

        @Override
        protected int run() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("displayName", displayName);
            putIf(body, "region", region);
            putIf(body, "country", country);
            putIf(body, "type", type);
            putIf(body, "description", description);
            putIf(body, "contactEmail", contactEmail);
            JsonNode created = api().post("org-service", parent == null ? ORGS : ORGS + "/" + parent + "/children", body).body();
            out().print(created, COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The organizations you may read.",
            footer = {"", "Example:", "  orgplatform organizations list --limit 20 --output json"})
    static class ListAll extends ApiCommand {
        @Mixin
        PageOptions page;

        @Override
        protected int run() {
            printPage(api().get("org-service", ORGS + page.query(Map.of())).body(), COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "Organizations you may read, by name, display name, "
            + "region or state.", footer = {"", "Example:", "  orgplatform organizations search --name acme --region EU"})
    static class Search extends ApiCommand {
        @Option(names = "--name")
        String name;
        @Option(names = "--display-name")
        String displayName;
        @Option(names = "--region")
        String region;
        @Option(names = "--state", description = "ACTIVE or PENDING_DELETION")
        String state;
        @Option(names = "--type", description = "sub-organizations of this type (client, partner, ...)")
        String type;
        @Mixin
        PageOptions page;

        @Override
        protected int run() {
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("name", name);
            filters.put("displayName", displayName);
            filters.put("region", region);
            filters.put("state", state);
            filters.put("type", type);
            printPage(api().get("org-service", ORGS + page.query(filters)).body(), COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One organization.",
            footer = {"", "Example:", "  orgplatform organizations show 7f1c..."})
    static class Show extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "the organization (default: `organizations use`)", arity = "0..1")
        String id;

        @Override
        protected int run() {
            JsonNode o = api().get("org-service", ORGS + "/" + organization(id)).body();
            out().details(o, new Column("id", "/id"), new Column("name", "/name"), new Column("display name", "/displayName"),
                    new Column("region", "/region"), new Column("state", "/state"), new Column("parent", "/parentId"),
                    new Column("root", "/rootId"), new Column("depth", "/depth"), new Column("owner", "/ownerId"),
                    new Column("purge after", "/purgeAfter"), new Column("created", "/createdAt"));
            return ExitCode.OK;
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true, description = "Move an organization, with everything beneath it, under "
            + "another of the same tree.", footer = {"", "Example:", "  orgplatform organizations move 7f1c... --to 9a2b... --dry-run"})
    static class Move extends ApiCommand {
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--to", required = true, paramLabel = "PARENT_ID", description = "the new parent")
        String to;
        @Option(names = "--dry-run", description = "show where everything would be, change nothing")
        boolean dryRun;

        @Override
        protected int run() {
            // first where everything would go: its size is the progress a real move reports
            JsonNode plan = api().post("org-service", ORGS + "/" + id + "/move", Map.of("newParentId", to, "dryRun", true)).body();
            int count = count(plan.path("subtree"));
            if (!dryRun) {
                err().println("moving " + count + " organization(s) under " + to + " ...");
                err().flush();
            }
            JsonNode moved = dryRun ? plan : api().post("org-service", ORGS + "/" + id + "/move", Map.of("newParentId", to, "dryRun", false)).body();
            Output out = out();
            if (out.json()) {
                out.json(moved);
            } else {
                StringBuilder tree = new StringBuilder();
                tree(moved.path("subtree"), 0, tree);
                out.say((dryRun ? "Would move " : "Moved ") + count + " organization(s) under " + to + ":\n" + tree.toString().stripTrailing(), null);
            }
            return ExitCode.OK;
        }

        private static int count(JsonNode node) {
            int n = 1;
            for (JsonNode c : node.path("children")) {
                n += count(c);
            }
            return n;
        }

        private static void tree(JsonNode node, int indent, StringBuilder b) {
            b.append("  ".repeat(indent)).append(node.path("name").asText()).append(" (").append(node.path("id").asText())
                    .append(", depth ").append(node.path("depth").asInt()).append(")\n");
            node.path("children").forEach(c -> tree(c, indent + 1, b));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Schedule an organization's deletion (restorable "
            + "during the grace period).", footer = {"", "Example:", "  orgplatform organizations delete 7f1c... --confirm acme"})
    static class Delete extends ApiCommand {
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--confirm", required = true, paramLabel = "NAME", description = "the organization's name, to be sure")
        String confirm;

        @Override
        protected int run() {
            Reply r = api().send("org-service", "DELETE", ORGS + "/" + id + "?confirm=" + PageOptions.encode(confirm), null, null);
            out().say("Deletion scheduled: " + id + " is pending deletion until " + r.body().path("purgeAfter").asText()
                    + " (restore with `orgplatform organizations restore " + id + "`).", r.body());
            return ExitCode.OK;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, description = "Restore an organization pending deletion.",
            footer = {"", "Example:", "  orgplatform organizations restore 7f1c..."})
    static class Restore extends ApiCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        protected int run() {
            JsonNode o = api().post("org-service", ORGS + "/" + id + "/restore", null).body();
            out().print(o, COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "transfer-ownership", mixinStandardHelpOptions = true, description = "Make a member the Owner (you, the Owner, "
            + "become an Admin).", footer = {"", "Example:", "  orgplatform organizations transfer-ownership --to 5b2e..."})
    static class TransferOwnership extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Option(names = "--to", required = true, paramLabel = "USER_ID", description = "a member of the organization")
        String to;

        @Override
        protected int run() {
            JsonNode o = api().post("org-service", ORGS + "/" + organization(org.organization) + "/ownership", Map.of("newOwnerId", to)).body();
            out().say("Ownership of " + o.path("name").asText() + " transferred to " + to + "; you are an Admin there now.", o);
            return ExitCode.OK;
        }
    }

    @Command(name = "use", mixinStandardHelpOptions = true, description = "Make an organization the default of every command.",
            footer = {"", "Example:", "  orgplatform organizations use 7f1c..."})
    static class Use extends ApiCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        protected int run() {
            JsonNode o = api().get("org-service", ORGS + "/" + id).body(); // one you may read
            config().set("organization", id);
            out().say("Default organization: " + o.path("displayName").asText() + " (" + id + ")", o);
            return ExitCode.OK;
        }
    }

    static <V> void putIf(Map<String, V> m, String key, V value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
