package dev.orgplatform.console.rest;

import java.util.ArrayList;
import java.util.Arrays;
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
import dev.orgplatform.console.client.BillingApi;
import dev.orgplatform.console.client.OrganizationsApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * An organization's settings: general (display name, description, contact email), security (each beside what holds,
 * inherited from above, and who set it) and billing (billing email, payment method, usage alert thresholds).
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SettingsPages {

    private final OrganizationsApi organizations;
    private final BillingApi billing;
    private final OrganizationView view;
    private final Template settings;

    public SettingsPages(@RestClient OrganizationsApi organizations, @RestClient BillingApi billing, OrganizationView view,
            @Location("pages/settings.html") Template settings) {
        this.organizations = organizations;
        this.billing = billing;
        this.view = view;
        this.settings = settings;
    }

    @GET
    @Path("organizations/{id}/settings")
    public Uni<Response> page(@PathParam("id") UUID id, @RestQuery String done) {
        return render(id, Map.of("done", FormValues.shown(done)), 200);
    }

    @POST
    @Path("organizations/{id}/settings/general")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> general(@PathParam("id") UUID id, @RestForm String version, @RestForm String displayName,
            @RestForm String description, @RestForm String contactEmail) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("displayName", FormValues.shown(displayName));
        change.put("description", FormValues.text(description));
        change.put("contactEmail", FormValues.text(contactEmail));
        return organizations.update(id, version, change).map(ApiAnswer::of).chain(answer -> answer.ok()
                ? done(id, "general settings saved")
                : refused(id, answer, "general", typed(change)));
    }

    @POST
    @Path("organizations/{id}/settings/security")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> security(@PathParam("id") UUID id, @RestForm String version, @RestForm String enforce2fa,
            @RestForm String ipAllowlist, @RestForm String maxSessionMinutes, @RestForm String apiKeyMaxLifetimeDays,
            @RestForm String billingContactEmail) {
        Map<String, Object> security = new LinkedHashMap<>();
        security.put("enforce2fa", "true".equals(enforce2fa));
        security.put("ipAllowlist", lines(ipAllowlist));
        security.put("maxSessionMinutes", FormValues.text(maxSessionMinutes));
        security.put("apiKeyMaxLifetimeDays", FormValues.text(apiKeyMaxLifetimeDays));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("security", security);
        body.put("billingContactEmail", FormValues.text(billingContactEmail));
        return organizations.replaceSettings(id, version, body).map(ApiAnswer::of).chain(answer -> {
            if (answer.ok()) {
                return done(id, "security settings saved");
            }
            Map<String, Object> shown = typed(security);
            shown.put("ipAllowlist", FormValues.shown(ipAllowlist));
            shown.put("billingContactEmail", FormValues.shown(billingContactEmail));
            return refused(id, answer, "security", shown);
        });
    }

    @POST
    @Path("organizations/{id}/settings/billing")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> billing(@PathParam("id") UUID id, @RestForm String version, @RestForm String billingEmail,
            @RestForm String paymentType, @RestForm String paymentReference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("billingEmail", FormValues.shown(billingEmail));
        if (FormValues.text(paymentType) != null || FormValues.text(paymentReference) != null) {
            Map<String, Object> method = new LinkedHashMap<>();
            method.put("type", FormValues.text(paymentType));
            method.put("reference", FormValues.shown(paymentReference));
            body.put("paymentMethod", method);
        }
        return billing.replaceSettings(id, version, body).map(ApiAnswer::of).chain(answer -> {
            if (answer.ok()) {
                return done(id, "billing settings saved");
            }
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("billingEmail", FormValues.shown(billingEmail));
            shown.put("paymentType", FormValues.shown(paymentType));
            shown.put("paymentReference", FormValues.shown(paymentReference));
            shown.put("outstanding", "");
            return refused(id, answer, "billing", shown);
        });
    }

    @POST
    @Path("organizations/{id}/settings/alerts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> alerts(@PathParam("id") UUID id, @RestForm String version, @RestForm String thresholds) {
        List<Object> percentages = new ArrayList<>();
        for (String p : FormValues.shown(thresholds).split("[,\\s]+")) {
            if (!p.isBlank()) {
                percentages.add(p.trim().replace("%", "")); // the service names a value that is not a number
            }
        }
        return billing.replaceAlerts(id, version, Map.of("thresholds", percentages)).map(ApiAnswer::of).chain(answer -> answer.ok()
                ? done(id, "alert thresholds saved")
                : refused(id, answer, "alerts", Map.of("thresholds", FormValues.shown(thresholds))));
    }

    Uni<Response> done(UUID id, String what) {
        return Uni.createFrom().item(OrganizationView.seeOther("/organizations/" + id + "/settings", what));
    }

    /** The page again with the refused form as typed and the service's messages beside its fields. */
    Uni<Response> refused(UUID id, ApiAnswer answer, String form, Map<String, Object> typed) {
        Map<String, Object> extra = OrganizationView.refusal(answer);
        Map<String, String> errors = new LinkedHashMap<>();
        answer.fieldErrors().forEach((field, message) -> errors.put(formField(field), message));
        extra.put("errors", errors);
        extra.put("typed:" + form, typed);
        return render(id, extra, OrganizationView.statusOf(answer));
    }

    private Uni<Response> render(UUID id, Map<String, Object> extra, int status) {
        return view.render(id, settings, status, seen -> {
            Map<String, Object> org = seen.org();
            boolean canSettings = seen.can().contains("organization:settings");
            boolean canBilling = seen.can().contains("billing:read");
            Uni<ApiAnswer> own = ApiAnswer.ifAllowed(canSettings, () -> organizations.settings(id));
            Uni<ApiAnswer> effective = ApiAnswer.ifAllowed(canSettings, () -> organizations.effectiveSettings(id));
            Uni<ApiAnswer> ancestors = ApiAnswer.ifAllowed(canSettings, () -> organizations.ancestors(id));
            Uni<ApiAnswer> account = ApiAnswer.ifAllowed(canBilling, () -> billing.settings(id));
            Uni<ApiAnswer> alerts = ApiAnswer.ifAllowed(canBilling, () -> billing.alerts(id));
            Uni<ApiAnswer> limits = ApiAnswer.ifAllowed(canBilling, () -> billing.limits(id));
            return Uni.combine().all().unis(own, effective, ancestors, account, alerts, limits).asTuple().map(t -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("general", typedOr(extra, "general", general(org)));
                data.put("security", typedOr(extra, "security", security(t.getItem1())));
                data.put("effective", effective(t.getItem2()));
                data.put("names", names(t.getItem3()));
                data.put("billing", typedOr(extra, "billing", billingValues(t.getItem4())));
                data.put("billingDetail", !canBilling || t.getItem4().ok() ? "" : t.getItem4().refusal());
                data.put("alerts", typedOr(extra, "alerts", alertValues(t.getItem5())));
                data.put("branding", typedOr(extra, "branding", BrandingPages.ownValues(seen.brand())));
                Object root = t.getItem6().object().get("billingOrganizationId");
                data.put("atRoot", root == null || root.equals(org.get("id")));
                data.put("billingRoot", root == null ? org.get("id") : root);
                extra.forEach((k, v) -> {
                    if (!k.startsWith("typed:")) {
                        data.put(k, v);
                    }
                });
                return data;
            });
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> typedOr(Map<String, Object> extra, String form, Map<String, Object> shown) {
        Object typed = extra.get("typed:" + form);
        if (typed == null) {
            return shown;
        }
        Map<String, Object> merged = new LinkedHashMap<>(shown);
        merged.putAll((Map<String, Object>) typed);
        return merged;
    }

    private static Map<String, Object> general(Map<String, Object> org) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("displayName", text(org.get("displayName")));
        m.put("description", text(org.get("description")));
        m.put("contactEmail", text(org.get("contactEmail")));
        m.put("version", "\"" + org.get("version") + "\"");
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> security(ApiAnswer own) {
        Map<String, Object> s = own.object().get("security") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("enforce2fa", Boolean.TRUE.equals(s.get("enforce2fa")));
        v.put("ipAllowlist", s.get("ipAllowlist") instanceof List<?> l ? String.join("\n", l.stream().map(Object::toString).toList()) : "");
        v.put("maxSessionMinutes", text(s.get("maxSessionMinutes")));
        v.put("apiKeyMaxLifetimeDays", text(s.get("apiKeyMaxLifetimeDays")));
        v.put("billingContactEmail", text(own.object().get("billingContactEmail")));
        v.put("version", text(own.etag()));
        return v;
    }

    private static Map<String, Object> effective(ApiAnswer effective) {
        Map<String, Object> e = new LinkedHashMap<>(Map.of("enforce2fa", false, "ipAllowlistEnforced", false, "ipAllowlist", List.of(),
                "setBy", Map.of()));
        e.put("maxSessionMinutes", null);
        e.put("apiKeyMaxLifetimeDays", null);
        e.putAll(effective.object());
        return e;
    }

    /** Organization id -> display name, for "set by". */
    private static Map<String, String> names(ApiAnswer ancestors) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Object o : ancestors.list(null)) {
            if (o instanceof Map<?, ?> a) {
                names.put(String.valueOf(a.get("id")), String.valueOf(a.get("displayName")));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> billingValues(ApiAnswer account) {
        Map<String, Object> a = account.object();
        Map<String, Object> method = a.get("paymentMethod") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("billingEmail", text(a.get("billingEmail")));
        v.put("paymentType", text(method.get("type")));
        v.put("paymentReference", text(method.get("reference")));
        Object cents = a.get("outstandingCents");
        v.put("outstanding", cents instanceof Number n ? String.format("%.2f", n.longValue() / 100.0) : "");
        v.put("version", text(account.etag()));
        return v;
    }

    private static Map<String, Object> alertValues(ApiAnswer alerts) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("thresholds", String.join(", ", alerts.list("thresholds").stream().map(Object::toString).toList()));
        v.put("version", text(alerts.etag()));
        return v;
    }

    /** The form field a service's field name is shown beside. */
    private static String formField(String field) {
        return switch (field) {
            case "paymentMethod", "paymentMethod.reference", "paymentMethod.type" -> "paymentReference";
            case "security.maxSessionMinutes" -> "maxSessionMinutes";
            case "security.apiKeyMaxLifetimeDays" -> "apiKeyMaxLifetimeDays";
            case "data", "mediaType" -> "logo"; // the logo's bytes and type come from one file field
            default -> field.startsWith("security.ipAllowlist") ? "ipAllowlist" : field.startsWith("thresholds") ? "thresholds" : field;
        };
    }

    private static Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> shown = new LinkedHashMap<>();
        values.forEach((k, v) -> shown.put(k, v == null ? "" : v));
        return shown;
    }

    private static List<String> lines(String text) {
        return Arrays.stream(FormValues.shown(text).split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
