package dev.orgplatform.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;

import dev.orgplatform.deploy.testing.TestUsers;

/** What the console's browser tests share: signing in on Keycloak's page, and a screenshot of each page they see. */
final class ConsolePages {

    /** Build artifacts: one picture per page, looked at before a change to the console is done. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private ConsolePages() {
    }

    static void signIn(Page page, String console, TestUsers.User user) {
        page.navigate(console + "/organizations");
        keycloakLogin(page, user.email(), user.password());
        page.waitForURL(Pattern.compile(Pattern.quote(console) + "/organizations.*"));
    }

    /**
     * Keycloak's login: the realm has organizations on, so its first page asks only for the email (identity-first:
     * an email of a verified domain goes on to that organization's identity provider); the password comes next.
     */
    static void keycloakLogin(Page page, String email, String password) {
        page.locator("#username").fill(email);
        if (!page.locator("#password").isVisible()) {
            page.locator("#kc-login").click();
        }
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
    }

    static void shot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** The CSRF token of the console's forms on the page shown (what a forged post copies). */
    static String csrfToken(Page page) {
        return page.locator("input[name=csrf-token]").first().inputValue();
    }
}
