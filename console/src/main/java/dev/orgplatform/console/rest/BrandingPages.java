package dev.orgplatform.console.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.OrganizationsApi;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * An organization's branding in the console: the logo that holds for it, served to its pages with org-service's
 * caching headers, and the settings page's branding forms (colour and mail name, a logo upload, removing the logo).
 */
@Path("/")
@Authenticated
public class BrandingPages {

    private final OrganizationsApi organizations;
    private final SettingsPages settings;

    public BrandingPages(@RestClient OrganizationsApi organizations, SettingsPages settings) {
        this.organizations = organizations;
        this.settings = settings;
    }

    /** The logo that holds for the organization, or its problem's status; a browser revalidates it with its ETag. */
    @GET
    @Path("organizations/{id}/logo")
    @Produces({"image/png", "image/jpeg", "image/svg+xml"})
    public Uni<Response> logo(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return organizations.logo(id, ifNoneMatch).map(answer -> {
            Response.ResponseBuilder out = Response.status(answer.getStatus());
            for (String header : new String[] {HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL, HttpHeaders.CONTENT_TYPE,
                    "Content-Security-Policy", "X-Content-Type-Options"}) {
                String value = answer.getHeaderString(header);
                if (value != null) {
                    out.header(header, value);
                }
            }
            if (answer.getStatus() == 200) {
                out.entity(answer.readEntity(byte[].class));
            }
            return out.build();
        });
    }

    @POST
    @Path("organizations/{id}/settings/branding")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> branding(@PathParam("id") UUID id, @RestForm String primaryColor, @RestForm String mailDisplayName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("primaryColor", FormValues.text(primaryColor));
        body.put("mailDisplayName", FormValues.text(mailDisplayName));
        return organizations.replaceBranding(id, body).map(ApiAnswer::of).chain(answer -> answer.ok()
                ? settings.done(id, "branding saved")
                : settings.refused(id, answer, "branding", Map.of("primaryColor", FormValues.shown(primaryColor),
                        "mailDisplayName", FormValues.shown(mailDisplayName))));
    }

    @POST
    @Path("organizations/{id}/settings/logo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> uploadLogo(@PathParam("id") UUID id, @RestForm("logo") FileUpload logo) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (logo != null && logo.size() > 0) {
            body.put("mediaType", logo.contentType());
            body.put("data", Base64.getEncoder().encodeToString(Files.readAllBytes(logo.uploadedFile())));
        } else {
            body.put("mediaType", "");
            body.put("data", "");
        }
        return organizations.setLogo(id, body).map(ApiAnswer::of).chain(answer -> answer.ok()
                ? settings.done(id, "logo saved")
                : settings.refused(id, answer, "branding", Map.of()));
    }

    @POST
    @Path("organizations/{id}/settings/logo/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> removeLogo(@PathParam("id") UUID id) {
        return organizations.removeLogo(id).map(ApiAnswer::of).chain(answer -> answer.ok()
                ? settings.done(id, "logo removed")
                : settings.refused(id, answer, "branding", Map.of()));
    }

    /** The own colour and mail name as the settings form shows them. */
    static Map<String, Object> ownValues(Map<String, Object> brand) {
        Map<?, ?> own = brand.get("own") instanceof Map<?, ?> m ? m : Map.of();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("primaryColor", own.get("primaryColor") == null ? "" : own.get("primaryColor"));
        v.put("mailDisplayName", own.get("mailDisplayName") == null ? "" : own.get("mailDisplayName"));
        v.put("hasOwnLogo", own.get("logo") != null);
        return v;
    }
}
