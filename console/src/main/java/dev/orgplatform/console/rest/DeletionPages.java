package dev.orgplatform.console.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Deleting an organization by typing its name, every unmet precondition listed when it is refused; the organizations
 * pending deletion with their purge date and a restore button.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DeletionPages {

    private final OrganizationsApi organizations;
    private final OrganizationView view;
    private final SignedIn signedIn;
    private final Template delete;
    private final Template deleted;

    public DeletionPages(@RestClient OrganizationsApi organizations, OrganizationView view, SignedIn signedIn,
            @Location("pages/delete.html") Template delete, @Location("pages/deleted.html") Template deleted) {
        this.organizations = organizations;
        this.view = view;
        this.signedIn = signedIn;
        this.delete = delete;
        this.deleted = deleted;
    }

    @GET
    @Path("organizations/{id}/delete")
    public Uni<Response> page(@PathParam("id") UUID id) {
        return render(id, Map.of(), 200);
    }

    @POST
    @Path("organizations/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> delete(@PathParam("id") UUID id, @RestForm String confirm) {
        return organizations.delete(id, FormValues.shown(confirm)).map(ApiAnswer::of).chain(answer -> {
            if (answer.ok()) {
                return Uni.createFrom().item(OrganizationView.seeOther("/organizations/deleted", "deletion scheduled"));
            }
            Map<String, Object> extra = OrganizationView.refusal(answer);
            extra.put("unmet", answer.list("unmet"));
            if (!answer.list("unmet").isEmpty()) {
                extra.put("problem", ""); // the list below says it, each condition once
            }
            extra.put("typed", FormValues.shown(confirm));
            return render(id, extra, OrganizationView.statusOf(answer));
        });
    }

    /** The organizations pending deletion the person may restore (org-service lists only those). */
    @GET
    @Path("organizations/deleted")
    public Uni<Response> pending(@RestQuery String done, @RestQuery String problem) {
        return organizations.search(null, null, "PENDING_DELETION", null, 100).map(ApiAnswer::of)
                .map(page -> Response.ok(deleted.data("me", signedIn.person()).data("items", page.list("items"))
                        .data("detail", page.ok() ? "" : page.refusal()).data("done", FormValues.shown(done))
                        .data("problem", FormValues.shown(problem)).render(), MediaType.TEXT_HTML).build());
    }

    @POST
    @Path("organizations/{id}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> restore(@PathParam("id") UUID id) {
        return organizations.restore(id).map(ApiAnswer::of).map(answer -> answer.ok()
                ? OrganizationView.seeOther("/organizations/" + id, "organization restored")
                : Response.seeOther(URI.create("/organizations/deleted?problem="
                        + URLEncoder.encode(answer.refusal(), StandardCharsets.UTF_8))).build());
    }

    private Uni<Response> render(UUID id, Map<String, Object> extra, int status) {
        return view.render(id, delete, status, seen -> {
            Map<String, Object> data = new LinkedHashMap<>(Map.of("unmet", List.of(), "typed", ""));
            data.putAll(extra);
            return Uni.createFrom().item(data);
        });
    }
}
