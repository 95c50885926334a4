package dev.orgplatform.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgplatform.cli.ExitCode;
import dev.orgplatform.cli.client.ApiException;
import dev.orgplatform.cli.client.Reply;
import dev.orgplatform.cli.output.Output;
import dev.orgplatform.cli.output.Output.Column;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "users", mixinStandardHelpOptions = true, description = "Invite people, change their role, remove, suspend and "
        + "reactivate them, see and end their sessions.",
        subcommands = {UsersCommand.Invite.class, UsersCommand.UpdateRole.class, UsersCommand.Remove.class, UsersCommand.Suspend.class,
                UsersCommand.Reactivate.class, UsersCommand.Sessions.class},
        footer = {"", "Example:", "  orgplatform users invite --email ana@example.com --name \"Ana Lima\" --role DEVELOPER"})
public class UsersCommand extends GroupCommand {

    static String members(String organization) {
        return "/api/v1/organizations/" + organization + "/members";
    }

    @Command(name = "invite", mixinStandardHelpOptions = true, description = "Invite one person, or everyone of a CSV file (header "
            + "email,name,role,teams; teams separated by ';', default \"My Team\"). A file goes on past a bad line and ends with a "
            + "summary; the exit code is 8 when some lines failed.",
            footer = {"", "Example:", "  orgplatform users invite --email ana@example.com --name \"Ana Lima\" --role DEVELOPER --team Firmware",
                    "  orgplatform users invite --csv people.csv"})
    static class Invite extends ApiCommand {
        @Mixin
        OrganizationOption org;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Who who;

        static class Who {
            @ArgGroup(exclusive = false)
            One one;
            @Option(names = "--csv", paramLabel = "FILE", required = true)
            Path csv;
        }

        static class One {
            @Option(names = "--email", required = true)
            String email;
            @Option(names = "--name", required = true)
            String name;
            @Option(names = "--role", required = true, description = "ADMIN, MANAGER, DEVELOPER, OPERATOR or VIEWER")
            String role;
            @Option(names = "--team", description = "a team to join (repeatable; default \"My Team\")")
            List<String> teams;
            @Option(names = "--note")
            String note;
        }

        @Override
        protected int run() throws Exception {
            String path = InvitationsCommand.path(organization(org.organization));
            if (who.one != null) {
                JsonNode i = api().post("invitation-service", path, body(who.one.email, who.one.name, who.one.role, who.one.teams, who.one.note))
                        .body();
                out().say("Invited " + i.path("email").asText() + " as " + i.path("role").asText() + " (invitation " + i.path("id").asText()
                        + ", expires " + i.path("expiresAt").asText() + ").", i);
                return ExitCode.OK;
            }
            return bulk(path, Files.readAllLines(who.csv));
        }

        private int bulk(String path, List<String> lines) {
            ObjectMapper json = new ObjectMapper();
            ArrayNode results = json.createArrayNode();
            int total = (int) lines.stream().skip(1).filter(l -> !l.isBlank()).count();
            int done = 0;
            int failed = 0;
            for (int n = 1; n < lines.size(); n++) {
                String line = lines.get(n);
                if (line.isBlank()) {
                    continue;
                }
                done++;
                ObjectNode result = results.addObject().put("line", n + 1);
                String[] cells = Arrays.stream(line.split(",", -1)).map(String::trim).toArray(String[]::new);
                try {
                    if (cells.length < 3) {
                        throw new IllegalArgumentException("expected email,name,role[,teams]");
                    }
                    result.put("email", cells[0]);
                    List<String> teams = cells.length > 3 && !cells[3].isBlank() ? Arrays.stream(cells[3].split(";")).map(String::trim).toList() : null;
                    JsonNode i = api().post("invitation-service", path, body(cells[0], cells[1], cells[2], teams, null)).body();
                    result.put("ok", true).put("invitationId", i.path("id").asText());
                    err().println("[" + done + "/" + total + "] invited " + cells[0]);
                } catch (ApiException | IllegalArgumentException e) {
                    failed++;
                    String why = e instanceof ApiException a ? a.explain().replace("\n  ", "; ") : e.getMessage();
                    result.put("ok", false).put("error", why);
                    err().println("[" + done + "/" + total + "] line " + (n + 1) + " failed: " + why);
                }
                err().flush();
            }
            Output out = out();
            if (out.json()) {
                out.json(results);
            } else {
                StringBuilder summary = new StringBuilder((done - failed) + " invited, " + failed + " failed");
                results.forEach(r -> {
                    if (!r.path("ok").asBoolean()) {
                        summary.append("\n  line ").append(r.path("line").asInt()).append(": ").append(r.path("error").asText());
                    }
                });
                out.say(summary.toString(), null);
            }
            return failed == 0 ? ExitCode.OK : ExitCode.PARTIAL;
        }

        private static Map<String, Object> body(String email, String name, String role, List<String> teams, String note) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("email", email);
            b.put("name", name);
            b.put("role", role);
            b.put("teams", teams == null || teams.isEmpty() ? List.of("My Team") : teams);
            OrganizationsCommand.putIf(b, "note", note);
            return b;
        }
    }

    @Command(name = "update-role", mixinStandardHelpOptions = true, description = "Change a member's role (never above your own).",
            footer = {"", "Example:", "  orgplatform users update-role --user 0c4f... --role ADMIN"})
    static class UpdateRole extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Option(names = "--user", required = true, paramLabel = "USER_ID")
        String user;
        @Option(names = "--role", required = true)
        String role;

        @Override
        protected int run() {
            String path = members(organization(org.organization)) + "/" + user;
            Reply current = api().get("user-service", path);
            JsonNode m = api().send("user-service", "PATCH", path, Map.of("role", role), current.etag()).body();
            out().print(m, MembersCommand.COLUMNS);
            return ExitCode.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a member from the organization (their API keys "
            + "there are revoked).", footer = {"", "Example:", "  orgplatform users remove --user 0c4f..."})
    static class Remove extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Option(names = "--user", required = true, paramLabel = "USER_ID")
        String user;

        @Override
        protected int run() {
            api().send("user-service", "DELETE", members(organization(org.organization)) + "/" + user, null, null);
            out().say("Removed " + user + ".", null);
            return ExitCode.OK;
        }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Suspend a member in the organization (and beneath it); "
            + "with --account, disable the whole account (platform operators).",
            footer = {"", "Example:", "  orgplatform users suspend --user 0c4f... --reason \"left the company\""})
    static class Suspend extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Option(names = "--user", required = true, paramLabel = "USER_ID")
        String user;
        @Option(names = "--reason", required = true)
        String reason;
        @Option(names = "--account", description = "disable the account everywhere instead")
        boolean account;

        @Override
        protected int run() {
            JsonNode s = account ? api().post("user-service", "/api/v1/users/" + user + "/suspension", Map.of("reason", reason)).body()
                    : api().post("user-service", "/api/v1/organizations/" + organization(org.organization) + "/suspensions",
                            Map.of("userId", user, "reason", reason)).body();
            out().say("Suspended " + user + (account ? " (account disabled)." : "."), s);
            return ExitCode.OK;
        }
    }

    @Command(name = "reactivate", mixinStandardHelpOptions = true, description = "Lift a suspension (with --account: enable the account).",
            footer = {"", "Example:", "  orgplatform users reactivate --user 0c4f..."})
    static class Reactivate extends ApiCommand {
        @Mixin
        OrganizationOption org;
        @Option(names = "--user", required = true, paramLabel = "USER_ID")
        String user;
        @Option(names = "--account")
        boolean account;

        @Override
        protected int run() {
            api().send("user-service", "DELETE", account ? "/api/v1/users/" + user + "/suspension"
                    : "/api/v1/organizations/" + organization(org.organization) + "/suspensions/" + user, null, null);
            out().say("Reactivated " + user + ".", null);
            return ExitCode.OK;
        }
    }

    @Command(name = "sessions", mixinStandardHelpOptions = true, description = "A person's sign-in sessions.",
            subcommands = {Sessions.ListSessions.class, Sessions.Revoke.class},
            footer = {"", "Example:", "  orgplatform users sessions list --user 0c4f..."})
    static class Sessions extends GroupCommand {

        @Command(name = "list", mixinStandardHelpOptions = true, description = "Sessions of a person (default: you).",
                footer = {"", "Example:", "  orgplatform users sessions list --user 0c4f..."})
        static class ListSessions extends ApiCommand {
            @Option(names = "--user", paramLabel = "USER_ID")
            String user;

            @Override
            protected int run() {
                JsonNode sessions = api().get("user-service", "/api/v1/users/" + who(this, user) + "/sessions").body();
                out().print(sessions, new Column("SESSION", "/id"), new Column("ADDRESS", "/ipAddress"), new Column("STARTED", "/startedAt"),
                        new Column("LAST ACCESS", "/lastAccessAt"), new Column("CLIENTS", "/clients"));
                return ExitCode.OK;
            }
        }

        @Command(name = "revoke", mixinStandardHelpOptions = true, description = "End one session (or --all of them).",
                footer = {"", "Example:", "  orgplatform users sessions revoke --user 0c4f... --session 2b8e..."})
        static class Revoke extends ApiCommand {
            @Option(names = "--user", paramLabel = "USER_ID")
            String user;
            @Option(names = "--session", paramLabel = "SESSION_ID")
            String session;
            @Option(names = "--all")
            boolean all;

            @Override
            protected int run() {
                if (all == (session != null)) {
                    throw new IllegalArgumentException("give --session ID or --all");
                }
                api().send("user-service", "DELETE", "/api/v1/users/" + who(this, user) + "/sessions" + (all ? "" : "/" + session), null, null);
                out().say(all ? "Every session ended." : "Session " + session + " ended.", null);
                return ExitCode.OK;
            }
        }

        static String who(ApiCommand c, String user) {
            return user != null ? user : c.api().get("user-service", "/api/v1/users/me").body().path("id").asText();
        }
    }

    static List<String> list(String csv) {
        return csv == null ? List.of() : new ArrayList<>(Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }
}
