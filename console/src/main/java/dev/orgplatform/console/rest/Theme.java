package dev.orgplatform.console.rest;

import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * The colour theme a page is drawn in ({@code {inject:theme.current}} in the base template): the person's choice from
 * their UI preferences, remembered in a cookie whenever the console reads their profile; "system" (the browser's own
 * light or dark) until then.
 */
@RequestScoped
@Named("theme")
public class Theme {

    static final String COOKIE = "console-theme";
    private static final Set<String> KNOWN = Set.of("system", "light", "dark");

    private final HttpServerRequest request;

    public Theme(HttpServerRequest request) {
        this.request = request;
    }

    public String current() {
        Cookie chosen = request.getCookie(COOKIE);
        String value = chosen == null ? null : chosen.getValue().toLowerCase(Locale.ROOT);
        return value != null && KNOWN.contains(value) ? value : "system";
    }

    /** The cookie that remembers {@code theme} (SYSTEM, LIGHT, DARK as the profile names it). */
    static NewCookie remember(Object theme) {
        String value = theme == null ? "system" : theme.toString().toLowerCase(Locale.ROOT);
        return new NewCookie.Builder(COOKIE).value(KNOWN.contains(value) ? value : "system").path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).maxAge(60 * 60 * 24 * 365).build();
    }
}
