package dev.orgplatform.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "members", mixinStandardHelpOptions = true, description = "An organization's members.",
        subcommands = {MembersCommand.ListMembers.class, MembersCommand.Transfer.class, MembersCommand.Products.class,
                MembersCommand.Grant.class, MembersCommand.RevokeProduct.class},
        footer = {"", "Example:", "  orgplatform members list --role ADMIN"})
public class MembersCommand extends GroupCommand {

    static final Column[] PRODUCT_COLUMNS = {new Column("USER", "/userId"), new Column("PRODUCT", "/productId"),
            new Column("PERMISSIONS", "/permissions")};

    static String products(String organization, String userId) {
        return "/api/v1/organizations/" + organization + "/members/" + PageOptions.encode(userId) + "/products";
    }

    static final Column[] COLUMNS = {new Column("USER", "/userId"), new Column("ROLE", "/role"), new Column("TEAMS", "/teams"),
            new Column("STATUS", "/status"), new Column("SINCE", "/since")};

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Members in joining order, optionally by role, team or status.",
            footer = {"", "Example:", "  orgplatform members list --organization 7f1c... --team \"My Team\" --output json"})
    static class ListMembers extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Option(names = "--role")
        String role;
        @Option(names = "--team", description = "a team's id or name")
        String team;
        @Option(names = "--status", description = "ACTIVE or SUSPENDED")
        String status;
        @Mixin
        PageOptions page;

        @Override
        protected int run() {
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("role", role);
            filters.put("team", team);
            filters.put("status", status);
            printPage(api().get("user-service", "/api/v1/organizations/" + organization(org.organization) + "/members" + page.query(filters))
                    .body(), COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "transfer", mixinStandardHelpOptions = true,
            description = "Move a member to another organization of the same tree, with a role there (their teams, product "
                    + "permissions and API keys in the organization they leave end; their seat goes along).",
            footer = {"", "Example:", "  orgplatform members transfer 3b9e... --organization 7f1c... --to 0a42... --role DEVELOPER"})
    static class Transfer extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Parameters(index = "0", paramLabel = "USER_ID", description = "the member's user id")
        String userId;
        @Option(names = "--to", required = true, paramLabel = "ORGANIZATION_ID", description = "where they go: an organization of the same tree")
        String to;
        @Option(names = "--role", required = true, description = "their role there: ADMIN, MANAGER, DEVELOPER, OPERATOR or VIEWER")
        String role;

        @Override
        protected int run() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("toOrganizationId", to);
            body.put("role", role);
            out().print(api().post("user-service", "/api/v1/organizations/" + organization(org.organization) + "/members/"
                    + PageOptions.encode(userId) + "/transfer", body).body(), COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "products", mixinStandardHelpOptions = true,
            description = "The rights a member holds on each product beyond their role.",
            footer = {"", "Example:", "  orgplatform members products 3b9e..."})
    static class Products extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Parameters(index = "0", paramLabel = "USER_ID", description = "the member's user id")
        String userId;

        @Override
        protected int run() {
            out().print(api().get("user-service", products(organization(org.organization), userId)).body(), PRODUCT_COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "grant", mixinStandardHelpOptions = true,
            description = "Grant a member these rights on one product, beyond their role (replacing what they had there).",
            footer = {"", "Example:", "  orgplatform members grant 3b9e... --product thermostat-x --permissions device:read,device:write"})
    static class Grant extends OneProductOfAMember {
        @Option(names = "--permissions", required = true, split = ",", paramLabel = "PERMISSION",
                description = "product:read, product:write, device:read, device:write, deployment:read, deployment:write")
        java.util.List<String> permissions;

        @Override
        protected int run() {
            out().print(api().send("user-service", "PUT", permissionsPath(), Map.of("permissions", permissions), null).body(), PRODUCT_COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "revoke-product", mixinStandardHelpOptions = true,
            description = "Take back every right a member holds on one product beyond their role.",
            footer = {"", "Example:", "  orgplatform members revoke-product 3b9e... --product thermostat-x"})
    static class RevokeProduct extends OneProductOfAMember {
        @Override
        protected int run() {
            api().send("user-service", "DELETE", permissionsPath(), null, null);
            out().say("Rights of " + userId + " on " + product + " revoked.", null);
            return ExitCode.OK;
        }
    }

    /** A command about one member's rights on one product. */
    abstract static class OneProductOfAMember extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Parameters(index = "0", paramLabel = "USER_ID", description = "the member's user id")
        String userId;
        @Option(names = "--product", required = true, paramLabel = "PRODUCT_ID")
        String product;

        String permissionsPath() {
            return products(organization(org.organization), userId) + "/" + PageOptions.encode(product) + "/permissions";
        }
    }
}
