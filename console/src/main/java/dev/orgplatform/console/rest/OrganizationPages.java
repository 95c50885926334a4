package dev.orgplatform.console.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
import dev.orgplatform.console.client.InvitationsApi;
import dev.orgplatform.console.client.OrganizationsApi;
import dev.orgplatform.console.client.UsersApi;
import dev.orgplatform.console.mapping.Branch;
import dev.orgplatform.console.mapping.Countries;
import dev.orgplatform.console.mapping.UsageBar;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The organizations overview, one organization's page and the form that creates one. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class OrganizationPages {

    private static final int PAGE = 20;

    private final OrganizationsApi organizations;
    private final UsersApi users;
    private final InvitationsApi invitations;
    private final SignedIn signedIn;
    private final OrganizationScope scope;
    private final BillingApi billing;
    private final Template overview;
    private final Template organization;
    private final Template newOrganization;
    private final Template notFound;
    private final Template secondFactor;
    private final Template accessRule;

    public OrganizationPages(@RestClient OrganizationsApi organizations, @RestClient UsersApi users,
            @RestClient InvitationsApi invitations, SignedIn signedIn, OrganizationScope scope, @RestClient BillingApi billing,
            @Location("pages/organizations.html") Template overview, @Location("pages/organization.html") Template organization,
            @Location("pages/new-organization.html") Template newOrganization, @Location("pages/not-found.html") Template notFound,
            @Location("pages/second-factor.html") Template secondFactor, @Location("pages/access-rule.html") Template accessRule) {
        this.organizations = organizations;
        this.users = users;
        this.invitations = invitations;
        this.signedIn = signedIn;
        this.scope = scope;
        this.billing = billing;
        this.overview = overview;
        this.organization = organization;
        this.newOrganization = newOrganization;
        this.notFound = notFound;
        this.secondFactor = secondFactor;
        this.accessRule = accessRule;
    }

    /** The organization chosen last with the switcher, else the overview. */
    @GET
    public Response home(@CookieParam(ProfilePages.ACTIVE) String active) {
        UUID id = FormValues.uuid(active);
        return Response.seeOther(URI.create(id == null ? "/organizations" : "/organizations/" + id)).build();
    }

    @GET
    @Path("organizations")
    public Uni<String> overview(@RestQuery String name, @RestQuery String region, @RestQuery String state, @RestQuery String cursor) {
        return organizations.search(FormValues.text(name), FormValues.text(region), FormValues.text(state),
                FormValues.text(cursor), PAGE).map(ApiAnswer::of)
                .map(page -> overview.data("me", signedIn.person()).data("page", page)
                        .data("items", page.list("items")).data("nextCursor", page.object().get("nextCursor"))
                        .data("filter", filter(name, region, state)).render());
    }

    @GET
    @Path("organizations/new")
    public String newOrganization() {
        return newForm(Map.of("name", "", "displayName", "", "region", "EU", "country", ""), Map.of(), null);
    }

    @POST
    @Path("organizations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@RestForm String name, @RestForm String displayName, @RestForm String region,
            @RestForm String country) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", FormValues.shown(name));
        values.put("displayName", FormValues.shown(displayName));
        values.put("region", region == null ? "" : region);
        values.put("country", FormValues.shown(country));
        return organizations.create(values).map(ApiAnswer::of).map(answer -> answer.ok()
                ? Response.seeOther(URI.create("/organizations/" + answer.object().get("id"))).build()
                : Response.status(answer.status() >= 500 ? 503 : 400).type(MediaType.TEXT_HTML)
                        .entity(newForm(values, answer.fieldErrors(), answer.detail())).build());
    }

    @GET
    @Path("organizations/{id}")
    public Uni<Response> organization(@PathParam("id") String id, @RestQuery String done, @RestQuery String movedFrom) {
        UUID organizationId = FormValues.uuid(id);
        if (organizationId == null) {
            return Uni.createFrom().item(missing());
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("done", FormValues.shown(done));
        UUID from = FormValues.uuid(movedFrom);
        extra.put("movedFrom", from == null ? "" : from.toString()); // just moved: offered to move it back
        return page(organizationId, extra, 200);
    }

    @POST
    @Path("organizations/{id}/children")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createChild(@PathParam("id") UUID id, @RestForm String name, @RestForm String displayName,
            @RestForm String type) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", FormValues.shown(name));
        values.put("displayName", FormValues.shown(displayName));
        values.put("type", FormValues.shown(type));
        return organizations.createChild(id, values).map(ApiAnswer::of).chain(answer -> answer.ok()
                ? Uni.createFrom().item(Response.seeOther(URI.create("/organizations/" + answer.object().get("id"))).build())
                : page(id, Map.of("child", values, "childErrors", answer.fieldErrors(),
                        "childDetail", answer.detail() == null ? "" : answer.detail()), 400));
    }

    /**
     * An organization's page: its facts, sub-organizations, members and pending invitations (the invitation part only
     * for whoever may invite), with {@code extra} (a refused form and its messages, or what was just done).
     */
    Uni<Response> page(UUID organizationId, Map<String, Object> extra, int status) {
        return scope.load(organizationId).chain(seen -> {
            if (!seen.ok()) {
                return Uni.createFrom().item(refused(seen.organization()));
            }
            boolean invites = seen.can().contains("member:invite");
            boolean manages = seen.can().contains("member:manage");
            return Uni.combine().all().unis(organizations.subtree(organizationId).map(ApiAnswer::of),
                    users.members(organizationId, 100).map(ApiAnswer::of),
                    ApiAnswer.ifAllowed(invites, () -> invitations.list(organizationId, "PENDING", 100)),
                    ApiAnswer.ifAllowed(manages, () -> users.suspensions(organizationId)),
                    ApiAnswer.ifAllowed(invites && seen.can().contains("billing:read"), () -> billing.limits(organizationId)),
                    ApiAnswer.ifAllowed(seen.can().contains("organization:create-child"),
                            () -> organizations.subOrganizationTypes(organizationId)),
                    ApiAnswer.ifAllowed(seen.can().contains("organization:create-child"), () -> users.withoutAdmin(organizationId)))
                    .asTuple()
                    .map(t -> {
                        java.util.Set<String> suspendedHere = new java.util.HashSet<>();
                        t.getItem4().list(null).forEach(o -> {
                            if (o instanceof Map<?, ?> m) {
                                suspendedHere.add(String.valueOf(m.get("userId")));
                            }
                        });
                        var instance = organization.data("me", signedIn.person())
                                .data("tree", t.getItem1().ok() ? Branch.of(t.getItem1().object()).rows() : java.util.List.of()).data("members", t.getItem2().list("items"))
                                .data("membersDetail", t.getItem2().ok() ? null : t.getItem2().detail())
                                .data("canInvite", invites)
                                .data("invitations", t.getItem3().ok() ? t.getItem3().list("items") : java.util.List.of())
                                .data("invitationsDetail", t.getItem3().ok() ? "" : t.getItem3().detail())
                                .data("suspendedHere", suspendedHere)
                                .data("roles", INVITABLE_ROLES).data("ownNotices", true)
                                .data("seats", seats(t.getItem5()))
                                .data("childTypes", t.getItem6().list("types"))
                                .data("withoutAdmin", t.getItem7().list("organizations").stream().map(String::valueOf)
                                        .collect(java.util.stream.Collectors.toSet()));
                        seen.data().forEach(instance::data);
                        Map<String, Object> all = new LinkedHashMap<>(DEFAULTS);
                        all.putAll(extra);
                        all.forEach(instance::data);
                        return Response.status(status).type(MediaType.TEXT_HTML).entity(instance.render()).build();
                    });
        });
    }

    /** The seats (users) of the organization's tree as a bar, or null when the person may not see them. */
    private static UsageBar seats(ApiAnswer limits) {
        for (Object o : limits.list("resources")) {
            if (o instanceof Map<?, ?> r && "users".equals(r.get("resource")) && r.get("used") instanceof Number used) {
                Long limit = r.get("limit") instanceof Number l ? l.longValue() : null;
                return UsageBar.of("users", used.longValue(), used.longValue(), limit, false, null, java.util.List.of());
            }
        }
        return null;
    }

    /** The roles a member can be given here (OWNER only by transferring ownership). */
    private static final java.util.List<String> INVITABLE_ROLES = java.util.List.of("ADMIN", "MANAGER", "DEVELOPER", "OPERATOR",
            "VIEWER");

    /** What the page's forms show when nothing was typed. */
    private static final Map<String, Object> DEFAULTS = Map.of(
            "done", "", "problem", "", "movedFrom", "",
            "child", Map.of("name", "", "displayName", ""), "childErrors", Map.of(), "childDetail", "",
            "invite", Map.of("email", "", "name", "", "role", "DEVELOPER", "team", "My Team", "note", ""),
            "inviteErrors", Map.of(), "inviteDetail", "");

    private String newForm(Map<String, ?> values, Map<String, String> errors, String detail) {
        return newOrganization.data("me", signedIn.person()).data("values", values).data("errors", errors).data("detail", detail)
                .data("countries", Countries.all()).render();
    }

    /**
     * The page for an organization that was refused: a member whose sign-in lacked the second factor the organization
     * enforces is told how to get in; any other refusal looks like an unknown organization.
     */
    Response refused(ApiAnswer answer) {
        if (answer.status() == 403 && Boolean.TRUE.equals(answer.object().get("secondFactorRequired"))) {
            return Response.status(403).type(MediaType.TEXT_HTML).entity(secondFactor.data("me", signedIn.person()).render()).build();
        }
        if (answer.status() == 403 && answer.object().get("rule") instanceof String rule) {
            // the organization's own rule refused a member: say which, and how to get in (a new sign-in, another network)
            return Response.status(403).type(MediaType.TEXT_HTML).entity(accessRule.data("me", signedIn.person()).data("rule", rule)
                    .data("detail", answer.refusal()).render()).build();
        }
        return answer.status() == 404 || answer.status() == 403 ? missing() : unavailable(answer);
    }

    /** Another tenant's organization and an unknown one look the same. */
    Response missing() {
        return Response.status(404).type(MediaType.TEXT_HTML).entity(notFound.data("me", signedIn.person()).render()).build();
    }

    private Response unavailable(ApiAnswer answer) {
        return Response.status(503).type(MediaType.TEXT_HTML).entity(notFound.data("me", signedIn.person())
                .data("detail", answer.detail()).render()).build();
    }

    private static Map<String, String> filter(String name, String region, String state) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", name == null ? "" : name);
        f.put("region", region == null ? "" : region);
        f.put("state", state == null ? "" : state);
        return f;
    }
}
