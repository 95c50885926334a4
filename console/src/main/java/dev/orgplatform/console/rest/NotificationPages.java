package dev.orgplatform.console.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.UsersApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The signed-in person's notifications (newest first, unread marked, read one or all) and which channels they want. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class NotificationPages {

    /** The categories and channels as user-service names them, in the order the page shows them. */
    static final List<String> CATEGORIES = List.of("SECURITY", "MEMBERSHIP", "BILLING", "DEPLOYMENTS");
    static final List<String> CHANNELS = List.of("EMAIL", "IN_APP", "SMS", "WEBHOOK");

    private final UsersApi users;
    private final SignedIn signedIn;
    private final Template page;

    public NotificationPages(@RestClient UsersApi users, SignedIn signedIn, @Location("pages/notifications.html") Template page) {
        this.users = users;
        this.signedIn = signedIn;
        this.page = page;
    }

    @GET
    @Path("notifications")
    public Uni<Response> notifications(@RestQuery String done) {
        return render(Map.of("done", FormValues.shown(done)), 200);
    }

    @POST
    @Path("notifications/{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> read(@PathParam("id") UUID id) {
        return users.markNotificationRead(id).map(ApiAnswer::of).chain(answer -> answer.ok()
                ? Uni.createFrom().item(OrganizationView.seeOther("/notifications", "marked read"))
                : render(OrganizationView.refusal(answer), OrganizationView.statusOf(answer)));
    }

    @POST
    @Path("notifications/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> readAll() {
        return users.markAllNotificationsRead().map(ApiAnswer::of).chain(answer -> answer.ok()
                ? Uni.createFrom().item(OrganizationView.seeOther("/notifications", "all marked read"))
                : render(OrganizationView.refusal(answer), OrganizationView.statusOf(answer)));
    }

    /** Each category's checkboxes arrive as the category's name (a value per channel ticked); none ticked: silenced. */
    @POST
    @Path("notifications/preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> preferences(@RestForm("SECURITY") List<String> security, @RestForm("MEMBERSHIP") List<String> membership,
            @RestForm("BILLING") List<String> billing, @RestForm("DEPLOYMENTS") List<String> deployments, @RestForm String phone,
            @RestForm String webhookUrl) {
        Map<String, Object> channels = new LinkedHashMap<>();
        channels.put("SECURITY", security == null ? List.of() : security);
        channels.put("MEMBERSHIP", membership == null ? List.of() : membership);
        channels.put("BILLING", billing == null ? List.of() : billing);
        channels.put("DEPLOYMENTS", deployments == null ? List.of() : deployments);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("channels", channels);
        change.put("phone", FormValues.shown(phone));
        change.put("webhookUrl", FormValues.shown(webhookUrl));
        return users.changeNotificationPreferences(change).map(ApiAnswer::of).chain(answer -> {
            if (answer.ok()) {
                return Uni.createFrom().item(OrganizationView.seeOther("/notifications", "notification preferences saved"));
            }
            Map<String, Object> extra = OrganizationView.refusal(answer);
            extra.put("typed", Map.of("channels", channels, "phone", FormValues.shown(phone), "webhookUrl", FormValues.shown(webhookUrl)));
            return render(extra, OrganizationView.statusOf(answer));
        });
    }

    private Uni<Response> render(Map<String, Object> extra, int status) {
        return Uni.combine().all().unis(users.notifications(50).map(ApiAnswer::of), users.unreadNotifications().map(ApiAnswer::of),
                users.notificationPreferences().map(ApiAnswer::of)).asTuple().map(t -> {
                    Map<String, Object> chosen = t.getItem3().ok() ? t.getItem3().object() : Map.of();
                    var instance = page.data("me", signedIn.person()).data("feed", t.getItem1().list("items"))
                            .data("feedDetail", t.getItem1().ok() ? "" : t.getItem1().refusal())
                            .data("unread", t.getItem2().ok() ? t.getItem2().object().get("unread") : "?")
                            .data("categories", CATEGORIES).data("channels", CHANNELS)
                            .data("chosen", extra.getOrDefault("typed", chosen)).data("done", "").data("problem", "").data("errors", Map.of());
                    Map<String, Object> categoryErrors = new LinkedHashMap<>();
                    extra.forEach((k, v) -> {
                        if (!k.equals("typed")) {
                            instance.data(k, v);
                        }
                        if (k.equals("errors") && v instanceof Map<?, ?> errors) {
                            errors.forEach((field, message) -> {
                                if (String.valueOf(field).startsWith("channels.")) {
                                    categoryErrors.put(String.valueOf(field).substring("channels.".length()), message);
                                }
                            });
                        }
                    });
                    instance.data("categoryErrors", categoryErrors);
                    return Response.status(status).type(MediaType.TEXT_HTML).entity(instance.render()).build();
                });
    }
}
