package dev.orgplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.TestUsers;
import io.restassured.http.ContentType;

/**
 * Every form the console's pages offer its Owner, submitted from a signed-in browser session with one field at a time
 * made wrong: text of 10,000 characters (beyond every field's bound: the service's problem shown beside the field),
 * once 100,000 (beyond what the console reads of a field: a 413 page), a number that is none or far too large, a
 * choice the form does not offer.
 * Each answer must be a page (never a 5xx, never a raw problem document or a stack trace) that refuses the change and
 * says why in words, beside the field or above the form.
 */
class ConsoleFormsIT {

    /** Forms that only carry hidden fields (revoke, resend, remove, end a session) have nothing a person can get wrong. */
    private static final List<String> TYPED = List.of("text", "email", "search", "url", "tel", "number", "date", "password",
            "textarea", "select-one", "select-multiple");

    /** One field of one form, as the page offers it. */
    record Field(String name, String type, String value, List<String> options) {
    }

    /** One form: where it posts and every field it sends. */
    record Form(String page, String action, List<Field> fields) {
    }

    private static LocalStack stack;
    private static Flows flows;
    private static Chromium chromium;
    private static Browser browser;
    private static String console;

    @BeforeAll
    static void browser() {
        stack = Suite.services();
        flows = new Flows(stack);
        console = stack.config().consoleUrl();
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void everyFormRefusesWhatIsWrongWithAReadableMessage() {
        TestUsers.User owner = TestUsers.create("forms-owner");
        String org = flows.organization(owner);
        TestUsers.User member = flows.member(owner, org, "DEVELOPER");
        String team = given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body(Map.of("name", "forms-team"))
                .post(flows.url("user-service") + "/api/v1/organizations/" + org + "/teams").then().statusCode(201).extract().path("id");
        String base = console + "/organizations/" + org;
        List<String> pages = List.of(console + "/organizations/new", base, base + "/teams", base + "/teams/" + team, base + "/members/"
                + member.id(), base + "/settings", base + "/limits", base + "/api-keys", base + "/delete", base + "/move",
                base + "/sso", console + "/profile");

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        int forms = 0;
        int cases = 0;
        boolean oversizedSent = false;
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            ConsolePages.signIn(page, console, owner);
            Map<String, Form> seen = new LinkedHashMap<>();
            for (String url : pages) {
                page.navigate(url);
                for (Form form : forms(page, url)) {
                    seen.putIfAbsent(form.action().replace(org, "{org}").replace(team, "{team}").replace(member.id(), "{user}"), form);
                }
            }
            for (Form form : seen.values()) {
                forms++;
                for (Field field : form.fields()) {
                    List<String> wrongs = new ArrayList<>(wrongValues(field));
                    if (!oversizedSent && wrongs.size() == 1 && wrongs.get(0).length() == 10_000) {
                        wrongs.add("x".repeat(100_000)); // beyond what the console reads of any field: once is enough
                        oversizedSent = true;
                    }
                    for (String wrong : wrongs) {
                        cases++;
                        page.navigate(form.page()); // a fresh page: its CSRF token and versions are current
                        APIResponse answer = page.request().post(form.action(), RequestOptions.create()
                                .setForm(with(form, field.name(), wrong, page)).setMaxRedirects(0));
                        byStatus.merge(answer.status(), 1, Integer::sum);
                        String what = form.action().replace(console, "") + " " + field.name() + "=" + abbreviate(wrong) + " -> "
                                + answer.status();
                        String body = answer.text();
                        if (answer.status() >= 500) {
                            failures.add(what + " (a server error)");
                        } else if (answer.status() >= 300 && answer.status() < 400) {
                            failures.add(what + " (accepted: redirected to " + answer.headers().get("location") + ")");
                        } else if (!String.valueOf(answer.headers().get("content-type")).startsWith("text/html")) {
                            failures.add(what + " (not a page: " + answer.headers().get("content-type") + ")");
                        } else if (!(body.contains("class=\"error\"") || body.contains("class=\"alert\""))) {
                            failures.add(what + " (no message on the page)");
                        } else if (body.contains("Exception") || body.contains("\"status\":")) {
                            failures.add(what + " (internals shown)");
                        }
                    }
                }
            }
        }
        System.out.printf("ConsoleFormsIT: %d forms, %d cases, answers by status %s, %d failed%n", forms, cases, byStatus, failures.size());
        assertTrue(forms >= 15, "the pages offer the forms: " + forms);
        assertEquals(List.of(), failures, "every wrong form is refused with a readable message");
        assertEquals("DEVELOPER", flows.role(org, member.id()), "no wrong form changed the member");
        Figures.line(String.format("console forms: %d forms, %d cases with one field wrong, answers %s, every one a page "
                + "naming what was wrong", forms, cases, byStatus));
    }

    /** The page's forms that post and have a field a person fills or chooses. */
    @SuppressWarnings("unchecked")
    private static List<Form> forms(Page page, String url) {
        List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate("() => Array.from(document.forms)"
                + ".filter(f => f.method === 'post')"
                + ".map(f => ({ action: f.action, fields: Array.from(f.elements).filter(e => e.name).map(e => ({"
                + "  name: e.name, type: e.type, value: e.type === 'checkbox' || e.type === 'radio' ? (e.checked ? e.value : null) : e.value,"
                + "  options: e.options ? Array.from(e.options).map(o => o.value) : [] })) }))");
        List<Form> forms = new ArrayList<>();
        for (Map<String, Object> f : found) {
            List<Field> fields = new ArrayList<>();
            for (Map<String, Object> e : (List<Map<String, Object>>) f.get("fields")) {
                fields.add(new Field((String) e.get("name"), (String) e.get("type"), (String) e.get("value"), (List<String>) e.get("options")));
            }
            if (fields.stream().anyMatch(x -> TYPED.contains(x.type()))) {
                forms.add(new Form(url, (String) f.get("action"), fields));
            }
        }
        return forms;
    }

    /** What a careless or hostile person could send in place of the field's value. */
    private static List<String> wrongValues(Field field) {
        if (field.type().startsWith("select")) {
            return List.of("NOT_ONE_OF_THEM");
        }
        if (field.type().equals("number")) {
            return List.of("abc", "99999999999999999999");
        }
        if (TYPED.contains(field.type())) {
            return List.of("x".repeat(10_000)); // beyond every field's bound
        }
        return List.of();
    }

    /** The form as the page would send it (the current page's CSRF token), with {@code name} set to {@code value}. */
    private static FormData with(Form form, String name, String value, Page page) {
        FormData data = FormData.create();
        for (Field f : form.fields()) {
            if (f.name().equals("csrf-token")) {
                data.set(f.name(), ConsolePages.csrfToken(page));
            } else if (f.name().equals(name)) {
                data.set(f.name(), value);
            } else if (f.value() != null) {
                data.append(f.name(), f.value());
            }
        }
        return data;
    }

    private static String abbreviate(String s) {
        return s.length() > 24 ? s.substring(0, 12) + "...(" + s.length() + ")" : s;
    }
}
