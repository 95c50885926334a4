package dev.orgplatform.console.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.UsersApi;
import dev.orgplatform.console.mapping.AuditChanges;
import dev.orgplatform.console.mapping.People;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** An organization's audit log, newest first, filtered by who, what and when, a page at a time. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    private static final int PAGE = 25;
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** What is offered in the action filter; any event type may be typed. */
    static final List<String> ACTIONS = List.of("OrganizationCreated", "OrganizationUpdated", "OrganizationSettingsChanged",
            "OrganizationMoved", "OwnershipTransferred", "OrganizationDeletionScheduled", "OrganizationRestored", "MembershipGranted",
            "MembershipRoleChanged", "MembershipRevoked", "MemberSuspended", "MemberReactivated", "TeamCreated", "TeamRenamed",
            "TeamDeleted", "TeamMemberAdded", "TeamMemberRemoved", "InvitationCreated", "InvitationAccepted", "InvitationRevoked",
            "PlanChanged", "LimitChanged", "BillingSettingsChanged", "AlertThresholdsChanged", "ApiKeyCreated", "ApiKeyRevoked",
            "ApiKeyRotated", "LOGIN", "LOGIN_ERROR");

    private final UsersApi users;
    private final OrganizationView view;
    private final Template audit;

    public AuditPages(@RestClient UsersApi users, OrganizationView view, @Location("pages/audit.html") Template audit) {
        this.users = users;
        this.view = view;
        this.audit = audit;
    }

    @GET
    @Path("organizations/{id}/audit")
    public Uni<Response> page(@PathParam("id") UUID id, @RestQuery String actor, @RestQuery String action, @RestQuery String from,
            @RestQuery String to, @RestQuery String cursor) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("actor", FormValues.shown(actor));
        filter.put("action", FormValues.shown(action));
        filter.put("from", FormValues.shown(from));
        filter.put("to", FormValues.shown(to));
        return view.render(id, audit, 200, seen -> Uni.combine().all().unis(
                users.audit(id, FormValues.text(actor), FormValues.text(action), instant(from, "T00:00:00Z"), instant(to, "T23:59:59.999Z"),
                        PAGE, FormValues.text(cursor)).map(ApiAnswer::of),
                users.members(id, 200).map(ApiAnswer::of)).asTuple().map(t -> {
                    Map<String, String> names = new LinkedHashMap<>();
                    People.byUser(t.getItem2().list("items")).forEach((userId, person) -> names.put(userId, person.label()));
                    List<Map<String, Object>> entries = new ArrayList<>();
                    for (Object o : t.getItem1().list("items")) {
                        if (o instanceof Map<?, ?> e) {
                            Map<String, Object> row = new LinkedHashMap<>();
                            e.forEach((k, v) -> row.put(String.valueOf(k), v));
                            String actorId = String.valueOf(e.get("actorId"));
                            row.put("who", e.get("actorId") == null ? "the platform" : names.getOrDefault(actorId, actorId));
                            @SuppressWarnings("unchecked")
                            Map<String, Object> data = e.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
                            row.put("lines", AuditChanges.of(data));
                            entries.add(row);
                        }
                    }
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("entries", entries);
                    data.put("auditDetail", t.getItem1().ok() ? "" : t.getItem1().refusal());
                    data.put("errors", t.getItem1().fieldErrors());
                    data.put("nextCursor", t.getItem1().object().get("nextCursor") == null ? "" : t.getItem1().object().get("nextCursor"));
                    data.put("filter", filter);
                    data.put("people", names);
                    data.put("actions", ACTIONS);
                    return data;
                }));
    }

    /** A day typed in the filter as the instant the API reads; anything else as typed, for the API to name. */
    private static String instant(String day, String time) {
        String d = FormValues.text(day);
        return d == null ? null : DAY.matcher(d).matches() ? d + time : d;
    }
}
