package dev.orgplatform.console.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.OrganizationsApi;
import dev.orgplatform.console.mapping.Branch;
import dev.orgplatform.console.mapping.MovePreview;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * "Transfer organization": choose a new parent in the same tree, see the resulting hierarchy (org-service checks it
 * with a dry run), confirm; the organization's page then offers to move it back.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MovePages {

    private final OrganizationsApi organizations;
    private final ReadableTree trees;
    private final SignedIn signedIn;
    private final OrganizationPages pages;
    private final Template move;

    public MovePages(@RestClient OrganizationsApi organizations, ReadableTree trees, SignedIn signedIn, OrganizationPages pages,
            @Location("pages/move.html") Template move) {
        this.organizations = organizations;
        this.trees = trees;
        this.signedIn = signedIn;
        this.pages = pages;
        this.move = move;
    }

    @GET
    @Path("organizations/{id}/move")
    public Uni<Response> form(@PathParam("id") String id) {
        UUID organizationId = FormValues.uuid(id);
        if (organizationId == null) {
            return Uni.createFrom().item(pages.missing());
        }
        return render(organizationId, null, Map.of(), "", 200);
    }

    /** {@code intent} preview asks org-service for a dry run and draws the result; confirm moves. */
    @POST
    @Path("organizations/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> move(@PathParam("id") UUID id, @RestForm String newParentId, @RestForm String intent) {
        boolean preview = !"confirm".equals(intent);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("newParentId", FormValues.text(newParentId));
        body.put("dryRun", preview);
        return organizations.move(id, body).map(ApiAnswer::of).chain(answer -> {
            if (!answer.ok()) {
                Map<String, String> errors = answer.fieldErrors().isEmpty() && answer.detail() != null
                        ? Map.of("newParentId", answer.detail()) : answer.fieldErrors();
                return render(id, FormValues.text(newParentId), errors, "", 400);
            }
            if (preview) {
                return render(id, FormValues.text(newParentId), Map.of(), "preview", 200);
            }
            String back = String.valueOf(answer.object().get("previousParentId"));
            return Uni.createFrom().item(Response.seeOther(URI.create("/organizations/" + id + "?done="
                    + URLEncoder.encode("moved", StandardCharsets.UTF_8) + "&movedFrom=" + back)).build());
        });
    }

    /**
     * The page: the tree as it is (or, with {@code chosen} previewed, as it would be), and the form ({@link ReadableTree}).
     */
    private Uni<Response> render(UUID id, String chosen, Map<String, String> errors, String mode, int status) {
        return organizations.get(id).map(ApiAnswer::of).chain(org -> {
            if (!org.ok()) {
                return Uni.createFrom().item(pages.refused(org));
            }
            return trees.around(id).map(tree -> {
                Branch previewed = "preview".equals(mode) && chosen != null ? MovePreview.apply(tree, id.toString(), chosen) : null;
                var page = move.data("me", signedIn.person()).data("org", org.object())
                        .data("rows", (previewed != null ? previewed : tree).rows())
                        .data("previewed", previewed != null).data("targets", MovePreview.targets(tree, id.toString()))
                        .data("chosen", chosen == null ? "" : chosen).data("errors", errors);
                return Response.status(status).type(MediaType.TEXT_HTML).entity(page.render()).build();
            });
        });
    }
}
