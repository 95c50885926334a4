package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;

/**
 * Every endpoint that acts in an organization, read from the four services' OpenAPI documents, asked by every
 * kind of caller about one organization T (a sub-organization of R, with a sub-organization C of its own): the
 * answer is the one the README's permission table gives (404 for whoever may not see T, 403 for a member lacking
 * the permission), and no answer carries another tenant's data.
 */
class TenantIsolationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    enum Outcome { ALLOWED, FORBIDDEN, HIDDEN }

    /**
     * How an endpoint decides: the gate on T ({@code GATE}), platform services too ({@code OR_SERVICE}), platform
     * services only ({@code SERVICE_ONLY}), never an API key ({@code IN_PERSON}), the gate on T's parent for those who
     * see T ({@code ON_PARENT}: a sub-organization is managed from above).
     */
    enum Mode { GATE, OR_SERVICE, SERVICE_ONLY, IN_PERSON, ON_PARENT }

    /** {@code right}: the realm role a platform service needs here ({@code SERVICE_ONLY}, {@code OR_SERVICE}). */
    record Spec(Mode mode, String permission, String body, String right) {
    }

    /** Who asks: their headers, their role in T and in R (null: none), the key's organization and scopes if a key. */
    record Asker(String name, Supplier<Map<String, String>> headers, String roleInT, String roleInR, boolean suspendedInT, boolean service,
            String keyOrganization, List<String> keyScopes, boolean otherTenant, Set<String> rights) {
    }

    /**
     * What each platform service's account needs of the others, as the services' code calls them: the realm must
     * grant exactly this, so a token of one service reaches nothing that service does not call.
     */
    static final Map<String, Set<String>> SERVICE_RIGHTS = Map.of(
            "org-service", Set.of("service:access-checks", "service:key-verification", "service:member-lists",
                    "service:organization-state", "service:reservations"),
            "user-service", Set.of("service:reservations"),
            "invitation-service", Set.of("service:access-checks", "service:branding", "service:key-verification", "service:member-lists",
                    "service:reservations"),
            "billing-service", Set.of("service:access-checks", "service:key-verification"),
            "payment-system", Set.of("service:balance"));

    /** Each endpoint that acts in an organization (as its OpenAPI document names it) and what it asks. */
    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        // org-service
        spec("GET /api/v1/organizations/{id}", Mode.GATE, "organization:read", null);
        spec("PATCH /api/v1/organizations/{id}", Mode.GATE, "organization:update", "{\"displayName\":\"Never applied\"}");
        spec("PUT /api/v1/organizations/{id}", Mode.GATE, "organization:update", "{\"displayName\":\"Never applied\"}");
        spec("DELETE /api/v1/organizations/{id}", Mode.ON_PARENT, "organization:create-child", null);
        // T is not pending deletion: whoever may read it is told so (409), nobody else learns more
        spec("POST /api/v1/organizations/{id}/restore", Mode.GATE, "organization:read", null);
        spec("POST /api/v1/organizations/{id}/ownership", Mode.GATE, "organization:transfer", "{\"newOwnerId\":\"{random}\"}");
        spec("GET /api/v1/organizations/{id}/settings", Mode.GATE, "organization:settings", null);
        spec("PUT /api/v1/organizations/{id}/settings", Mode.GATE, "organization:settings",
                "{\"security\":{\"enforce2fa\":false,\"ipAllowlist\":[]}}");
        spec("GET /api/v1/organizations/{id}/settings/effective", Mode.GATE, "organization:settings", null);
        spec("GET /api/v1/organizations/{id}/branding", Mode.OR_SERVICE, "organization:read", null, "service:branding");
        spec("PUT /api/v1/organizations/{id}/branding", Mode.GATE, "organization:update", "{\"primaryColor\":\"#123456\"}");
        // T has no logo: whoever may read it gets a 404 about the logo, not about T
        spec("GET /api/v1/organizations/{id}/branding/logo", Mode.OR_SERVICE, "organization:read", null, "service:branding");
        spec("PUT /api/v1/organizations/{id}/branding/logo", Mode.GATE, "organization:update",
                "{\"mediaType\":\"image/svg+xml\",\"data\":\"PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"}");
        spec("DELETE /api/v1/organizations/{id}/branding/logo", Mode.GATE, "organization:update", null);
        spec("POST /api/v1/organizations/{id}/children", Mode.GATE, "organization:create-child",
                "{\"name\":\"iso-{random8}\",\"displayName\":\"Isolation child\"}");
        spec("GET /api/v1/organizations/{id}/children", Mode.GATE, "organization:read", null);
        spec("GET /api/v1/organizations/{id}/sub-organization-types", Mode.GATE, "organization:read", null);
        spec("GET /api/v1/organizations/{id}/ancestors", Mode.GATE, "organization:read", null);
        spec("GET /api/v1/organizations/{id}/subtree", Mode.GATE, "organization:read", null);
        // into its own sub-organization: refused after the gate (409), so nothing moves
        spec("POST /api/v1/organizations/{id}/move", Mode.GATE, "organization:update", "{\"newParentId\":\"{child}\",\"dryRun\":true}");
        // user-service
        spec("GET /api/v1/organizations/{organizationId}/sub-organizations-without-admin", Mode.GATE, "organization:create-child", null);
        spec("POST /api/v1/organizations/{organizationId}/api-keys", Mode.IN_PERSON, "organization:read",
                "{\"name\":\"iso\",\"scopes\":[\"read\"],\"expiresIn\":\"1d\"}");
        spec("GET /api/v1/organizations/{organizationId}/api-keys", Mode.GATE, "organization:read", null);
        spec("DELETE /api/v1/organizations/{organizationId}/api-keys/{keyId}", Mode.IN_PERSON, "organization:read", null);
        spec("POST /api/v1/organizations/{organizationId}/api-keys/{keyId}/rotate", Mode.IN_PERSON, "organization:read", "{}");
        spec("GET /api/v1/organizations/{organizationId}/audit", Mode.GATE, "audit:read", null);
        // to T's Owner, and a sub-organization has none: an allowed call tells no one
        spec("POST /api/v1/organizations/{organizationId}/notifications", Mode.GATE, "organization:update",
                "{\"category\":\"DEPLOYMENTS\",\"title\":\"iso\",\"body\":\"iso\",\"roles\":[\"OWNER\"],\"key\":\"iso-{random}\"}");
        spec("GET /api/v1/organizations/{organizationId}/members", Mode.OR_SERVICE, "member:read", null, "service:member-lists");
        spec("GET /api/v1/organizations/{organizationId}/members/{userId}", Mode.OR_SERVICE, "member:read", null, "service:member-lists");
        spec("PATCH /api/v1/organizations/{organizationId}/members/{userId}", Mode.GATE, "member:manage", "{\"role\":\"VIEWER\"}");
        spec("DELETE /api/v1/organizations/{organizationId}/members/{userId}", Mode.GATE, "member:manage", null);
        // to T's own sub-organization, where whoever manages T's members manages too; the member named exists nowhere
        spec("POST /api/v1/organizations/{organizationId}/members/{userId}/transfer", Mode.GATE, "member:manage",
                "{\"toOrganizationId\":\"{child}\",\"role\":\"VIEWER\"}");
        spec("GET /api/v1/organizations/{organizationId}/members/{userId}/products", Mode.OR_SERVICE, "member:read", null,
                "service:member-lists");
        spec("GET /api/v1/organizations/{organizationId}/members/{userId}/products/{productId}/permissions", Mode.OR_SERVICE,
                "member:read", null, "service:member-lists");
        spec("PUT /api/v1/organizations/{organizationId}/members/{userId}/products/{productId}/permissions", Mode.GATE,
                "member:manage", "{\"permissions\":[\"device:write\"]}");
        spec("DELETE /api/v1/organizations/{organizationId}/members/{userId}/products/{productId}/permissions", Mode.GATE,
                "member:manage", null);
        spec("GET /api/v1/organizations/{organizationId}/teams", Mode.OR_SERVICE, "team:read", null, "service:member-lists");
        spec("POST /api/v1/organizations/{organizationId}/teams", Mode.GATE, "team:manage", "{\"name\":\"iso-{random8}\"}");
        spec("GET /api/v1/organizations/{organizationId}/teams/{teamId}", Mode.OR_SERVICE, "team:read", null, "service:member-lists");
        spec("PATCH /api/v1/organizations/{organizationId}/teams/{teamId}", Mode.GATE, "team:manage", "{\"name\":\"iso-never\"}");
        spec("DELETE /api/v1/organizations/{organizationId}/teams/{teamId}", Mode.GATE, "team:manage", null);
        spec("GET /api/v1/organizations/{organizationId}/teams/{teamId}/members", Mode.OR_SERVICE, "team:read", null, "service:member-lists");
        spec("PUT /api/v1/organizations/{organizationId}/teams/{teamId}/members/{userId}", Mode.GATE, "team:manage",
                "{\"teamRole\":\"MEMBER\"}");
        spec("DELETE /api/v1/organizations/{organizationId}/teams/{teamId}/members/{userId}", Mode.GATE, "team:manage", null);
        spec("POST /api/v1/organizations/{organizationId}/suspensions", Mode.GATE, "member:manage",
                "{\"userId\":\"{random}\",\"reason\":\"isolation test\"}");
        spec("GET /api/v1/organizations/{organizationId}/suspensions", Mode.GATE, "member:manage", null);
        spec("POST /api/v1/organizations/{organizationId}/sso-connections", Mode.GATE, "organization:settings",
                "{\"protocol\":\"OIDC\",\"displayName\":\"iso\",\"domain\":\"iso-{random8}.test\",\"issuer\":\"https://idp.invalid\","
                        + "\"clientId\":\"iso\",\"clientSecret\":\"iso\"}");
        spec("GET /api/v1/organizations/{organizationId}/sso-connections", Mode.GATE, "organization:settings", null);
        spec("GET /api/v1/organizations/{organizationId}/sso-connections/{connectionId}", Mode.GATE, "organization:settings", null);
        spec("PUT /api/v1/organizations/{organizationId}/sso-connections/{connectionId}", Mode.GATE, "organization:settings",
                "{\"displayName\":\"never\"}");
        spec("DELETE /api/v1/organizations/{organizationId}/sso-connections/{connectionId}", Mode.GATE, "organization:settings", null);
        spec("POST /api/v1/organizations/{organizationId}/domains", Mode.GATE, "organization:settings", "{\"domain\":\"iso-{random8}.test\"}");
        spec("GET /api/v1/organizations/{organizationId}/domains", Mode.GATE, "organization:settings", null);
        spec("GET /api/v1/organizations/{organizationId}/domains/{domainId}", Mode.GATE, "organization:settings", null);
        spec("POST /api/v1/organizations/{organizationId}/domains/{domainId}/verify", Mode.GATE, "organization:settings", null);
        spec("DELETE /api/v1/organizations/{organizationId}/domains/{domainId}", Mode.GATE, "organization:settings", null);
        spec("GET /api/v1/organizations/{organizationId}/sign-in-policy", Mode.GATE, "organization:read", null);
        spec("PUT /api/v1/organizations/{organizationId}/sign-in-policy", Mode.GATE, "organization:settings",
                "{\"policy\":\"PASSWORD_AND_SSO\"}");
        spec("DELETE /api/v1/organizations/{organizationId}/suspensions/{userId}", Mode.GATE, "member:manage", null);
        // invitation-service
        spec("POST /api/v1/organizations/{organizationId}/invitations", Mode.GATE, "member:invite",
                "{\"email\":\"iso-{random8}@example.com\",\"name\":\"Isolation\",\"role\":\"VIEWER\",\"teams\":[\"My Team\"]}");
        spec("GET /api/v1/organizations/{organizationId}/invitations", Mode.GATE, "member:invite", null);
        spec("GET /api/v1/organizations/{organizationId}/invitations/availability", Mode.SERVICE_ONLY, null, null,
                "service:organization-state");
        spec("GET /api/v1/organizations/{organizationId}/invitations/{invitationId}", Mode.GATE, "member:invite", null);
        spec("POST /api/v1/organizations/{organizationId}/invitations/{invitationId}/resend", Mode.GATE, "member:invite", "{}");
        spec("DELETE /api/v1/organizations/{organizationId}/invitations/{invitationId}", Mode.GATE, "member:invite", null);
        // billing-service
        spec("GET /api/v1/organizations/{organizationId}/billing-settings", Mode.GATE, "billing:read", null);
        spec("PUT /api/v1/organizations/{organizationId}/billing-settings", Mode.GATE, "billing:manage",
                "{\"billingEmail\":\"billing@example.com\"}");
        spec("GET /api/v1/organizations/{organizationId}/alerts", Mode.GATE, "billing:read", null);
        spec("PUT /api/v1/organizations/{organizationId}/alerts", Mode.GATE, "billing:manage", "{\"thresholds\":[80]}");
        spec("GET /api/v1/organizations/{organizationId}/limits", Mode.OR_SERVICE, "billing:read", null, "service:organization-state");
        spec("PUT /api/v1/organizations/{organizationId}/plan", Mode.GATE, "billing:manage", "{\"plan\":\"PRO\"}");
        spec("PUT /api/v1/organizations/{organizationId}/limits/{resource}", Mode.GATE, "billing:manage", "{\"limit\":10}");
        spec("DELETE /api/v1/organizations/{organizationId}/limits/{resource}", Mode.GATE, "billing:manage", null);
        spec("POST /api/v1/organizations/{organizationId}/reservations", Mode.SERVICE_ONLY, null,
                "{\"resource\":\"products\",\"amount\":1,\"idempotencyKey\":\"iso-{random}\"}", "service:reservations");
        spec("POST /api/v1/organizations/{organizationId}/reservations/{reservationId}/commit", Mode.SERVICE_ONLY, null, "{}", "service:reservations");
        spec("POST /api/v1/organizations/{organizationId}/reservations/{reservationId}/release", Mode.SERVICE_ONLY, null, "{}", "service:reservations");
        spec("GET /api/v1/organizations/{organizationId}/deletion-preconditions", Mode.SERVICE_ONLY, null, null,
                "service:organization-state");
        spec("PUT /api/v1/organizations/{organizationId}/balance", Mode.SERVICE_ONLY, null, "{\"outstandingCents\":0}",
                "service:balance");
    }

    private static void spec(String operation, Mode mode, String permission, String body) {
        spec(operation, mode, permission, body, null);
    }

    private static void spec(String operation, Mode mode, String permission, String body, String right) {
        SPECS.put(operation, new Spec(mode, permission, body, right));
    }

    private static LocalStack stack;
    private static Flows flows;
    private static String root;
    private static String t;
    private static String child;
    private static String other;
    private static String tName;
    private static TestUsers.User otherOwner;
    private static TestUsers.User viewer;
    private static final List<Asker> ASKERS = new ArrayList<>();

    @BeforeAll
    static void twoTenants() {
        stack = Suite.services();
        flows = new Flows(stack);
        TestUsers.User owner = TestUsers.create("iso-owner");
        root = flows.treeRoot(owner);
        tName = "iso-t-" + UUID.randomUUID().toString().substring(0, 8);
        t = child(owner, root, tName);
        child = child(owner, t, "iso-c-" + UUID.randomUUID().toString().substring(0, 8));
        otherOwner = TestUsers.create("iso-other");
        other = flows.organization(otherOwner);

        ASKERS.add(person("Owner (of R, inherited)", owner, "OWNER", "OWNER"));
        for (String role : List.of("ADMIN", "MANAGER", "DEVELOPER", "OPERATOR", "VIEWER")) {
            TestUsers.User member = flows.member(owner, t, role);
            if (role.equals("VIEWER")) {
                viewer = member;
            }
            ASKERS.add(person(role.charAt(0) + role.substring(1).toLowerCase() + " of T", member, role, null));
        }
        ASKERS.add(person("Developer of the parent R", flows.member(owner, root, "DEVELOPER"), "DEVELOPER", "DEVELOPER"));
        ASKERS.add(person("Viewer of the child C", flows.member(owner, child, "VIEWER"), null, null));
        TestUsers.User suspended = flows.member(owner, t, "DEVELOPER");
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("userId", suspended.id(), "reason", "isolation test"))
                .post(flows.url("user-service") + "/api/v1/organizations/" + t + "/suspensions").then().statusCode(200);
        ASKERS.add(new Asker("Developer of T suspended in T", () -> Http.bearer(suspended.token()), "DEVELOPER", null, true, false, null,
                null, false, Set.of()));
        ASKERS.add(person("a stranger", TestUsers.create("iso-stranger"), null, null));
        ASKERS.add(new Asker("another tenant's Owner", () -> Http.bearer(otherOwner.token()), null, null, false, false, null, null, true, Set.of()));
        List<String> broad = List.of("write", "organization:update", "organization:settings", "organization:create-child",
                "member:invite", "member:manage", "team:manage", "billing:read", "billing:manage", "apikey:manage", "audit:read");
        Map<String, String> foreignKey = Http.apiKey((String) flows.createKey(otherOwner, other, broad).get("secret"));
        ASKERS.add(new Asker("an API key of another organization", () -> foreignKey, null, null, false, false, other, broad, true, Set.of()));
        Map<String, String> readKey = Http.apiKey((String) flows.createKey(owner, t, List.of("read")).get("secret"));
        ASKERS.add(new Asker("a read key of T's Owner", () -> readKey, "OWNER", "OWNER", false, false, t, List.of("read"), false, Set.of()));
        SERVICE_RIGHTS.forEach((client, rights) -> ASKERS.add(new Asker(client + "'s account", () -> Http.bearer(Flows.serviceToken(client)),
                null, null, false, true, null, null, false, rights)));
    }

    @Test
    void everyEndpointAnswersEveryCallerAsThePermissionTableSaysAndLeaksNothing() throws IOException {
        Map<String, Set<String>> rolesByPermission = readmePermissionTable();
        OpenApiDocuments documents = OpenApiDocuments.read(stack);
        Map<String, String> operations = organizationOperations(documents);
        assertEquals(new TreeSet<>(SPECS.keySet()), new TreeSet<>(operations.keySet()),
                "every endpoint that acts in an organization is in this matrix, and only those");

        List<String> wrong = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        int asked = 0;
        for (Map.Entry<String, Spec> e : SPECS.entrySet()) {
            String method = e.getKey().substring(0, e.getKey().indexOf(' '));
            String template = e.getKey().substring(method.length() + 1);
            for (Asker asker : ASKERS) {
                Outcome expected = expected(asker, e.getValue(), rolesByPermission);
                Http.Answer a = ask(operations.get(e.getKey()), method, template, e.getValue(), asker);
                asked++;
                Outcome seen = outcome(a);
                if (seen != expected) {
                    wrong.add(e.getKey() + " by " + asker.name() + ": expected " + expected + ", got " + a);
                }
                undocumented.addAll(documents.mismatches(e.getKey(), a));
                String leak = leak(asker, a);
                if (leak != null) {
                    leaks.add(e.getKey() + " by " + asker.name() + ": " + leak + " in " + a);
                }
            }
        }
        Figures.line("tenant isolation: " + SPECS.size() + " endpoints x " + ASKERS.size() + " callers = " + asked
                + " answers, " + wrong.size() + " not as the permission table says, " + leaks.size() + " leaks");
        assertEquals(List.of(), leaks, "no answer carries another tenant's data");
        assertEquals(List.of(), wrong);
        assertEquals(List.of(), undocumented.stream().distinct().toList(), "every answer is as the OpenAPI documents say");
    }

    @Test
    void theCheckAndKeyVerificationAnswerOnlyTheServicesGrantedThem() {
        String users = flows.url("user-service");
        String unknownKey = "{\"secretHash\":\"" + "0".repeat(64) + "\"}";
        List<String> wrong = new ArrayList<>();
        for (Asker asker : ASKERS) {
            if (!asker.service() && asker.keyOrganization() != null) {
                continue; // these two endpoints take no API key at all
            }
            Http.Answer check = Http.post(users + "/api/v1/authorization/check", asker.headers().get(), Flows.readQuery(viewer.id(), t));
            int expected = asker.rights().contains("service:access-checks") ? 200 : 403;
            if (check.status() != expected) {
                wrong.add("check by " + asker.name() + ": expected " + expected + ", got " + check);
            }
            Http.Answer verify = Http.post(users + "/api/v1/api-keys/verify", asker.headers().get(), unknownKey);
            expected = asker.rights().contains("service:key-verification") ? 404 : 403;
            if (verify.status() != expected) {
                wrong.add("key verification by " + asker.name() + ": expected " + expected + ", got " + verify);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void searchListsOnlyWhatTheCallerMaySeeAndAKeyOnlyItsOrganization() throws IOException {
        for (Asker asker : ASKERS) {
            Http.Answer a = Http.get(flows.url("org-service") + "/api/v1/organizations?limit=100", asker.headers().get());
            if (asker.service()) {
                continue;
            }
            assertEquals(200, a.status(), asker.name() + ": " + a);
            List<String> ids = new ArrayList<>();
            JSON.readTree(a.body()).get("items").forEach(i -> ids.add(i.get("id").asText()));
            if (asker.keyOrganization() != null) {
                assertEquals(List.of(asker.keyOrganization()), ids, asker.name() + " lists only its key's organization");
            }
            if (asker.otherTenant() || asker.roleInT() == null) {
                assertTrue(!ids.contains(t) && !ids.contains(root), asker.name() + " lists nothing of tenant R: " + ids);
            }
            if (!asker.otherTenant()) {
                assertTrue(!ids.contains(other), asker.name() + " lists nothing of the other tenant: " + ids);
            }
        }
    }

    private static Outcome expected(Asker asker, Spec spec, Map<String, Set<String>> rolesByPermission) {
        switch (spec.mode()) {
            case SERVICE_ONLY:
                return asker.service() && asker.rights().contains(spec.right()) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
            case OR_SERVICE:
                if (asker.service()) {
                    return asker.rights().contains(spec.right()) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
                }
                break;
            default:
                break;
        }
        if (asker.service() || asker.roleInT() == null || asker.keyOrganization() != null && !asker.keyOrganization().equals(t)) {
            return Outcome.HIDDEN;
        }
        if (asker.suspendedInT()) {
            return Outcome.FORBIDDEN;
        }
        boolean onParent = spec.mode() == Mode.ON_PARENT;
        String role = onParent ? asker.roleInR() : asker.roleInT();
        if (onParent && (role == null || asker.keyOrganization() != null)) {
            return Outcome.FORBIDDEN; // sees T, is told it is managed from above, never learns R
        }
        Set<String> holders = rolesByPermission.get(spec.permission());
        if (holders == null) {
            throw new AssertionError(spec.permission() + " is not in README.md's permission table");
        }
        if (!holders.contains(role)) {
            return Outcome.FORBIDDEN;
        }
        if (asker.keyScopes() != null && (spec.mode() == Mode.IN_PERSON || !covers(asker.keyScopes(), spec.permission()))) {
            return Outcome.FORBIDDEN;
        }
        return Outcome.ALLOWED;
    }

    /** The scope rule of API keys as README.md states it: read covers *:read, write covers reads and writes. */
    private static boolean covers(List<String> scopes, String permission) {
        return scopes.stream().anyMatch(s -> s.equals(permission) || s.equals("read") && permission.endsWith(":read")
                || s.equals("write") && (permission.endsWith(":read") || permission.endsWith(":write")));
    }

    /** A 404 of the gate names the organization first; any other 404 (an unknown member, team, key) got past it. */
    private static Outcome outcome(Http.Answer a) {
        if (a.status() == 403) {
            return Outcome.FORBIDDEN;
        }
        if (a.status() == 404 && a.body().contains("\"detail\":\"organization ")) {
            return Outcome.HIDDEN;
        }
        if (a.status() == 401 || a.status() >= 500 || a.status() < 0) {
            return null; // never expected
        }
        return Outcome.ALLOWED;
    }

    /**
     * Another tenant's ids or people in an answer about T, or T's tenant shown to someone outside it; the request's
     * own path, which problem details echo as {@code instance}, is the asker's and no leak.
     */
    private static String leak(Asker asker, Http.Answer a) {
        String body = a.body() == null ? "" : a.body().replaceAll("\"instance\":\"[^\"]*\"", "");
        for (String foreign : List.of(other, otherOwner.id(), otherOwner.email())) {
            if (body.contains(foreign)) {
                return "the other tenant's " + foreign;
            }
        }
        if (asker.roleInT() == null && !asker.service()) {
            for (String own : List.of(root, tName, viewer.id())) {
                if (body.contains(own)) {
                    return "tenant R's " + own + " shown to " + asker.name();
                }
            }
        }
        return null;
    }

    private static Http.Answer ask(String service, String method, String template, Spec spec, Asker asker) {
        Map<String, String> values = new HashMap<>(Map.of("id", t, "organizationId", t, "productId", "p-1", "resource", "devices",
                "child", child));
        Matcher m = PARAM.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            // a member that exists for reads; anything that would change a thing names nobody
            String value = values.containsKey(name) ? values.get(name)
                    : name.equals("userId") && method.equals("GET") ? viewer.id() : UUID.randomUUID().toString();
            m.appendReplacement(path, value);
        }
        m.appendTail(path);
        String url = Suite.url(stack, service) + path + (method.equals("DELETE") && template.equals("/api/v1/organizations/{id}")
                ? "?confirm=not-its-name" : "");
        Map<String, String> headers = new HashMap<>(asker.headers().get());
        if (!method.equals("GET")) {
            headers.put("If-Match", "\"999999\""); // every update is refused as stale once it is allowed
        }
        String body = spec.body() == null ? null : spec.body().replace("{random}", UUID.randomUUID().toString())
                .replace("{random8}", UUID.randomUUID().toString().substring(0, 8)).replace("{child}", child);
        return Http.send(method, url, headers, body);
    }

    /** "METHOD path" -> service, for every path under /api/v1/organizations/{...} in the four OpenAPI documents. */
    private static Map<String, String> organizationOperations(OpenApiDocuments documents) {
        Map<String, String> operations = new LinkedHashMap<>();
        documents.operations().forEach((operation, op) -> {
            if (op.template().startsWith("/api/v1/organizations/{")) {
                operations.put(operation, op.service());
            }
        });
        return operations;
    }

    /** README.md's "Roles and permissions" table: permission -> the roles (OWNER ... VIEWER) that hold it. */
    private static Map<String, Set<String>> readmePermissionTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int header = lines.indexOf("| permission | Owner | Admin | Manager | Developer | Operator | Viewer |");
        assertTrue(header > 0, "README.md has the permission table");
        List<String> roles = List.of("OWNER", "ADMIN", "MANAGER", "DEVELOPER", "OPERATOR", "VIEWER");
        Map<String, Set<String>> table = new HashMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|", -1);
            Set<String> holders = new TreeSet<>();
            for (int r = 0; r < roles.size(); r++) {
                if (cells[2 + r].contains("✓")) {
                    holders.add(roles.get(r));
                }
            }
            Matcher perm = Pattern.compile("`([a-z-]+:[a-z-]+)`").matcher(cells[1]);
            while (perm.find()) {
                table.put(perm.group(1), holders);
            }
        }
        return table;
    }

    private static Asker person(String name, TestUsers.User user, String roleInT, String roleInR) {
        return new Asker(name, () -> Http.bearer(user.token()), roleInT, roleInR, false, false, null, null, false, Set.of());
    }

    /** A sub-organization, once billing-service has its account: the matrix reads its limits. */
    private static String child(TestUsers.User owner, String parent, String name) {
        String id = given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "displayName", "Isolation " + name))
                .post(flows.url("org-service") + "/api/v1/organizations/" + parent + "/children").then().statusCode(201)
                .extract().path("id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> given().auth().oauth2(owner.token())
                .get(flows.url("billing-service") + "/api/v1/organizations/" + id + "/limits").statusCode() == 200);
        return id;
    }
}
