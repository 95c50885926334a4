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
import dev.orgplatform.console.client.OrganizationsApi;
import dev.orgplatform.console.client.UsersApi;
import dev.orgplatform.console.mapping.Branch;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * One member of an organization: their role, teams and product permissions; suspending them here (and beneath) or
 * their whole account, with a reason, and reactivating; moving them to another organization of the tree; ownership
 * transferred to them.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class MemberDetailPages {

    /** What may be granted on one product beyond a role (user-service's list). */
    static final List<String> PRODUCT_PERMISSIONS = List.of("product:read", "product:write", "device:read", "device:write",
            "firmware:read", "firmware:write", "deployment:read", "deployment:write");

    /** The roles a member may be given where they move to (OWNER only by ownership transfer). */
    static final List<String> ROLES = List.of("ADMIN", "MANAGER", "DEVELOPER", "OPERATOR", "VIEWER");

    private final UsersApi users;
    private final OrganizationsApi organizations;
    private final OrganizationView view;
    private final ReadableTree trees;
    private final Template member;

    public MemberDetailPages(@RestClient UsersApi users, @RestClient OrganizationsApi organizations, OrganizationView view,
            ReadableTree trees, @Location("pages/member.html") Template member) {
        this.users = users;
        this.organizations = organizations;
        this.view = view;
        this.trees = trees;
        this.member = member;
    }

    @GET
    @Path("organizations/{id}/members/{userId}")
    public Uni<Response> page(@PathParam("id") UUID id, @PathParam("userId") UUID userId, @RestQuery String done) {
        return render(id, userId, Map.of("done", FormValues.shown(done)), 200);
    }

    @POST
    @Path("organizations/{id}/members/{userId}/products")
    public Uni<Response> grant(@PathParam("id") UUID id, @PathParam("userId") UUID userId, @RestForm String productId,
            @RestForm("permission") List<String> permission) {
        String product = FormValues.shown(productId);
        if (product.isEmpty()) {
            return render(id, userId, Map.of("problem", "name the product", "errors", Map.of("productId", "name the product")), 400);
        }
        return users.grantProductPermissions(id, userId, product, Map.of("permissions", permission == null ? List.of() : permission))
                .map(ApiAnswer::of).chain(answer -> after(id, userId, answer, "permissions on " + product + " saved"));
    }

    @POST
    @Path("organizations/{id}/members/{userId}/suspend")
    public Uni<Response> suspend(@PathParam("id") UUID id, @PathParam("userId") UUID userId, @RestForm String reason,
            @RestForm String scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", FormValues.shown(reason));
        Uni<Response> call;
        if ("account".equals(scope)) {
            call = users.suspendAccount(userId, body);
        } else {
            body.put("userId", userId);
            call = users.suspend(id, body);
        }
        return call.map(ApiAnswer::of).chain(answer -> after(id, userId, answer,
                "account".equals(scope) ? "account suspended" : "member suspended here and beneath"));
    }

    @POST
    @Path("organizations/{id}/members/{userId}/reactivate")
    public Uni<Response> reactivate(@PathParam("id") UUID id, @PathParam("userId") UUID userId, @RestForm String scope) {
        Uni<Response> call = "account".equals(scope) ? users.reactivateAccount(userId) : users.reactivate(id, userId);
        return call.map(ApiAnswer::of).chain(answer -> after(id, userId, answer, "account".equals(scope) ? "account reactivated"
                : "member reactivated here"));
    }

    @POST
    @Path("organizations/{id}/members/{userId}/ownership")
    public Uni<Response> transfer(@PathParam("id") UUID id, @PathParam("userId") UUID userId) {
        return organizations.transferOwnership(id, Map.of("newOwnerId", userId)).map(ApiAnswer::of)
                .chain(answer -> after(id, userId, answer, "ownership transferred"));
    }

    /** Moves the member to another organization of the tree; their page there follows. */
    @POST
    @Path("organizations/{id}/members/{userId}/transfer")
    public Uni<Response> moveMember(@PathParam("id") UUID id, @PathParam("userId") UUID userId, @RestForm String toOrganizationId,
            @RestForm String role) {
        UUID to = FormValues.uuid(toOrganizationId);
        if (to == null) {
            return render(id, userId, Map.of("problem", "choose where the member goes",
                    "errors", Map.of("toOrganizationId", "choose an organization of the tree")), 400);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("toOrganizationId", to);
        body.put("role", FormValues.shown(role));
        return users.transferMember(id, userId, body).map(ApiAnswer::of).chain(answer -> answer.ok()
                ? Uni.createFrom().item(OrganizationView.seeOther("/organizations/" + to + "/members/" + userId, "member moved here"))
                : render(id, userId, OrganizationView.refusal(answer), OrganizationView.statusOf(answer)));
    }

    private Uni<Response> after(UUID id, UUID userId, ApiAnswer answer, String done) {
        return answer.ok()
                ? Uni.createFrom().item(OrganizationView.seeOther("/organizations/" + id + "/members/" + userId, done))
                : render(id, userId, OrganizationView.refusal(answer), OrganizationView.statusOf(answer));
    }

    private Uni<Response> render(UUID id, UUID userId, Map<String, Object> extra, int status) {
        return view.render(id, member, status, seen -> {
            boolean manages = seen.can().contains("member:manage");
            Uni<ApiAnswer> suspensions = ApiAnswer.ifAllowed(manages, () -> users.suspensions(id));
            Uni<List<Branch.Row>> elsewhere = manages ? trees.around(id).map(tree -> tree.rows().stream()
                    .filter(row -> !row.id().equals(id.toString())).toList()) : Uni.createFrom().item(List.of());
            return Uni.combine().all().unis(users.member(id, userId).map(ApiAnswer::of),
                    users.productPermissions(id, userId).map(ApiAnswer::of), suspensions, elsewhere).asTuple().map(t -> {
                        Map<String, Object> data = new LinkedHashMap<>();
                        Map<String, Object> person = t.getItem1().ok() ? t.getItem1().object()
                                : Map.of("userId", userId.toString(), "name", "", "email", "", "role", "", "teams", List.of(), "status", "");
                        data.put("member", person);
                        data.put("memberDetail", t.getItem1().ok() ? "" : t.getItem1().refusal());
                        data.put("products", t.getItem2().list(null));
                        Object suspendedHere = t.getItem3().list(null).stream()
                                .filter(s -> s instanceof Map<?, ?> m && userId.toString().equals(String.valueOf(m.get("userId"))))
                                .findFirst().orElse(null);
                        data.put("suspendedHere", suspendedHere == null ? Map.of() : suspendedHere);
                        data.put("productPermissions", PRODUCT_PERMISSIONS);
                        data.put("isRoot", seen.org().get("parentId") == null);
                        data.put("transferTargets", t.getItem4());
                        data.put("roles", ROLES);
                        data.putAll(extra);
                        return data;
                    });
        });
    }
}
