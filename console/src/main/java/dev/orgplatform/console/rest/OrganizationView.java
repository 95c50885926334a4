package dev.orgplatform.console.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.orgplatform.console.client.ApiAnswer;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/**
 * How an organization's pages answer: rendered with the organization, the person's permissions there and what every
 * page shows (the person, what was just done, a refusal); an organization the person may not see looks unknown.
 */
@RequestScoped
public class OrganizationView {

    private final OrganizationScope scope;
    private final SignedIn signedIn;
    private final OrganizationPages pages;

    public OrganizationView(OrganizationScope scope, SignedIn signedIn, OrganizationPages pages) {
        this.scope = scope;
        this.signedIn = signedIn;
        this.pages = pages;
    }

    /** Loads the organization, then renders {@code template} with what {@code content} adds (or the refusal page). */
    public Uni<Response> render(UUID organizationId, Template template, int status,
            java.util.function.Function<OrganizationScope.Seen, Uni<Map<String, Object>>> content) {
        return scope.load(organizationId).chain(seen -> {
            if (!seen.ok()) {
                return Uni.createFrom().item(pages.refused(seen.organization()));
            }
            return content.apply(seen).map(data -> {
                var instance = template.data("me", signedIn.person()).data("done", "").data("problem", "").data("errors", Map.of());
                seen.data().forEach(instance::data);
                data.forEach(instance::data);
                return Response.status(status).type(MediaType.TEXT_HTML).entity(instance.render()).build();
            });
        });
    }

    /** After a change: to {@code path} (post/redirect/get) saying what was done. */
    public static Response seeOther(String path, String done) {
        return Response.seeOther(URI.create(path + (path.contains("?") ? "&" : "?") + "done="
                + URLEncoder.encode(done, StandardCharsets.UTF_8))).build();
    }

    /** What a refused change shows: the service's message and the message per field it named. */
    public static Map<String, Object> refusal(ApiAnswer answer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("problem", answer.refusal());
        m.put("errors", answer.fieldErrors());
        return m;
    }

    /** The status a refused form answers with: the service's own 4xx, a 503 when it could not answer. */
    public static int statusOf(ApiAnswer answer) {
        return answer.status() >= 500 ? 503 : answer.status() >= 400 ? answer.status() : 400;
    }
}
