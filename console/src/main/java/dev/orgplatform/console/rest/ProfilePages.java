package dev.orgplatform.console.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.UsersApi;
import dev.orgplatform.console.mapping.PreferenceChoices;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** My profile (name, avatar, timezone, language), my organizations with my role, and the organization switcher. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {

    /** The cookie that remembers the active organization (its id only; the services decide what it may see). */
    static final String ACTIVE = "console-active-organization";

    private final UsersApi users;
    private final MyOrganizations mine;
    private final SignedIn signedIn;
    private final Template profile;

    public ProfilePages(@RestClient UsersApi users, MyOrganizations mine, SignedIn signedIn,
            @Location("pages/profile.html") Template profile) {
        this.users = users;
        this.mine = mine;
        this.signedIn = signedIn;
        this.profile = profile;
    }

    @GET
    @Path("profile")
    public Uni<Response> profile(@RestQuery String done) {
        return users.me().map(ApiAnswer::of).chain(me -> render(me.object(), Map.of(), done == null ? "" : done, "", 200)
                .map(page -> withTheme(page, me)));
    }

    /** The page, remembering the profile's theme for every page after it. */
    private static Response withTheme(Response page, ApiAnswer me) {
        if (!me.ok() || !(me.object().get("preferences") instanceof Map<?, ?> preferences)) {
            return page;
        }
        return Response.fromResponse(page).cookie(Theme.remember(preferences.get("theme"))).build();
    }

    @POST
    @Path("profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> update(@RestForm String name, @RestForm String avatarUrl, @RestForm String timezone,
            @RestForm String language, @RestForm String theme, @RestForm String dateFormat, @RestForm String timeFormat,
            @RestForm String defaultView) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("name", FormValues.text(name));
        change.put("avatarUrl", FormValues.text(avatarUrl));
        change.put("timezone", FormValues.text(timezone));
        change.put("language", FormValues.text(language));
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("theme", FormValues.text(theme));
        preferences.put("dateFormat", FormValues.text(dateFormat));
        preferences.put("timeFormat", FormValues.text(timeFormat));
        preferences.put("defaultView", FormValues.text(defaultView));
        change.put("preferences", preferences);
        return users.me().chain(current -> users.updateMe(current.getHeaderString("ETag"), change)).map(ApiAnswer::of)
                .chain(answer -> answer.ok() ? Uni.createFrom().item(withTheme(Response.seeOther(URI.create("/profile?done=saved")).build(), answer))
                        : render(change, answer.fieldErrors(), "", answer.detail() == null ? "" : answer.detail(), 400));
    }

    /** The switcher: remembers the organization and opens it. */
    @GET
    @Path("switch")
    public Response switchTo(@RestQuery String organization) {
        UUID id = FormValues.uuid(organization);
        if (id == null) {
            return Response.seeOther(URI.create("/organizations")).build();
        }
        return Response.seeOther(URI.create("/organizations/" + id))
                .cookie(new NewCookie.Builder(ACTIVE).value(id.toString()).path("/").httpOnly(true).sameSite(NewCookie.SameSite.LAX)
                        .maxAge(60 * 60 * 24 * 365).build()).build();
    }

    /** Ends one of my sessions (another device's, or this one: then Keycloak asks me to sign in again). */
    @POST
    @Path("profile/sessions/{sessionId}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> endSession(@jakarta.ws.rs.PathParam("sessionId") String sessionId) {
        return users.endSession(signedIn.person().get("id"), sessionId).map(ApiAnswer::of).chain(answer -> answer.ok()
                ? Uni.createFrom().item(Response.seeOther(URI.create("/profile?done=session")).build())
                : users.me().map(ApiAnswer::of).chain(me -> render(me.object(), Map.of(), "", answer.refusal(), OrganizationView.statusOf(answer))));
    }

    private Uni<Response> render(Map<String, Object> values, Map<String, String> errors, String done, String problem, int status) {
        return Uni.combine().all().unis(mine.list(), users.sessions(signedIn.person().get("id")).map(ApiAnswer::of)).asTuple()
                .map(t -> Response.status(status).type(MediaType.TEXT_HTML)
                .entity(profile.data("me", signedIn.person()).data("values", withDefaults(values)).data("errors", errors)
                        .data("done", done).data("problem", problem).data("organizations", t.getItem1())
                        .data("sessions", t.getItem2().list(null)).data("sessionsDetail", t.getItem2().ok() ? "" : t.getItem2().refusal())
                        .data("zone", zone(values.get("timezone"))).data("preferenceChoices", PreferenceChoices.all()).render()).build());
    }

    private static Map<String, Object> withDefaults(Map<String, Object> values) {
        Map<String, Object> all = new LinkedHashMap<>(Map.of("name", "", "avatarUrl", "", "timezone", "", "language", "", "email", ""));
        values.forEach((k, v) -> all.put(k, v == null ? "" : v));
        return all;
    }

    private static String zone(Object timezone) {
        return timezone instanceof String z && !z.isBlank() ? z : "UTC";
    }
}
