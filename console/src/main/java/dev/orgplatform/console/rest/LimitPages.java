package dev.orgplatform.console.rest;

import java.util.ArrayList;
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
import dev.orgplatform.console.mapping.UsageBar;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * The plan and each resource's usage as a bar against its limit (alert thresholds marked), custom limits and a plan
 * change; a refused change says which usage stands in the way. Set at the tree's root only.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class LimitPages {

    /** The plans, cheapest first (billing-service's plan table names them). */
    static final List<String> PLANS = List.of("FREE", "PLUS", "PRO", "BUSINESS", "ENTERPRISE");

    private final BillingApi billing;
    private final OrganizationView view;
    private final Template limits;

    public LimitPages(@RestClient BillingApi billing, OrganizationView view, @Location("pages/limits.html") Template limits) {
        this.billing = billing;
        this.view = view;
        this.limits = limits;
    }

    @GET
    @Path("organizations/{id}/limits")
    public Uni<Response> page(@PathParam("id") UUID id, @RestQuery String done) {
        return render(id, Map.of("done", FormValues.shown(done)), 200);
    }

    @POST
    @Path("organizations/{id}/plan")
    public Uni<Response> changePlan(@PathParam("id") UUID id, @RestForm String version, @RestForm String plan) {
        return billing.changePlan(id, version, Map.of("plan", FormValues.shown(plan))).map(ApiAnswer::of)
                .chain(answer -> after(id, answer, "plan changed to " + FormValues.shown(plan)));
    }

    @POST
    @Path("organizations/{id}/limits/{resource}")
    public Uni<Response> setLimit(@PathParam("id") UUID id, @PathParam("resource") String resource, @RestForm String version,
            @RestForm String limit, @RestForm String intent) {
        Uni<Response> call = "reset".equals(intent) ? billing.resetLimit(id, resource, version)
                : billing.setLimit(id, resource, version, Map.of("limit", FormValues.shown(limit)));
        return call.map(ApiAnswer::of).chain(answer -> after(id, answer,
                "reset".equals(intent) ? resource + " back to the plan's limit" : resource + " limited to " + FormValues.shown(limit)));
    }

    private Uni<Response> after(UUID id, ApiAnswer answer, String done) {
        return answer.ok() ? Uni.createFrom().item(OrganizationView.seeOther("/organizations/" + id + "/limits", done))
                : render(id, OrganizationView.refusal(answer), OrganizationView.statusOf(answer));
    }

    private Uni<Response> render(UUID id, Map<String, Object> extra, int status) {
        return view.render(id, limits, status, seen -> {
            if (!seen.can().contains("billing:read")) {
                Map<String, Object> data = new LinkedHashMap<>(Map.of("bars", List.of(), "plan", "", "version", "", "atRoot", false,
                        "billingRoot", "", "plans", PLANS, "detail", "Only Owners and Admins see the plan and its limits."));
                data.putAll(extra);
                return Uni.createFrom().item(data);
            }
            return Uni.combine().all().unis(billing.limits(id).map(ApiAnswer::of), billing.alerts(id).map(ApiAnswer::of)).asTuple()
                    .map(t -> {
                        ApiAnswer limitsAnswer = t.getItem1();
                        List<Integer> thresholds = t.getItem2().list("thresholds").stream()
                                .map(o -> o instanceof Number n ? n.intValue() : 0).toList();
                        Map<String, Object> data = new LinkedHashMap<>();
                        data.put("bars", bars(limitsAnswer, thresholds));
                        data.put("plan", String.valueOf(limitsAnswer.object().getOrDefault("plan", "")));
                        data.put("version", limitsAnswer.etag() == null ? "" : limitsAnswer.etag());
                        Object root = limitsAnswer.object().get("billingOrganizationId");
                        data.put("atRoot", root == null || root.equals(seen.org().get("id")));
                        data.put("billingRoot", root == null ? "" : root);
                        data.put("plans", PLANS);
                        data.put("detail", limitsAnswer.ok() ? "" : limitsAnswer.refusal());
                        data.putAll(extra);
                        return data;
                    });
        });
    }

    private static List<UsageBar> bars(ApiAnswer limits, List<Integer> thresholds) {
        List<UsageBar> bars = new ArrayList<>();
        for (Object o : limits.list("resources")) {
            if (o instanceof Map<?, ?> r) {
                bars.add(UsageBar.of(String.valueOf(r.get("resource")), number(r.get("used")), number(r.get("usedHere")),
                        r.get("limit") == null ? null : number(r.get("limit")), Boolean.TRUE.equals(r.get("custom")),
                        r.get("maximum") == null ? null : number(r.get("maximum")), thresholds, !Boolean.FALSE.equals(r.get("adjustable"))));
            }
        }
        return bars;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
