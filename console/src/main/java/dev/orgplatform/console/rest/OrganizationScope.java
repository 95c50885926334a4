package dev.orgplatform.console.rest;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orgplatform.console.client.ApiAnswer;
import dev.orgplatform.console.client.OrganizationsApi;
import dev.orgplatform.console.client.UsersApi;
import io.smallrye.mutiny.Uni;

/**
 * The organization a page is about and what the signed-in person may do there, as user-service answers it (their
 * effective role's permissions): pages show only those controls. The services still decide every change.
 */
@RequestScoped
public class OrganizationScope {

    /** One organization seen by the signed-in person, with the branding that holds for it ({@code brand}). */
    public record Seen(ApiAnswer organization, Set<String> can, String role, boolean canDelete, Map<String, Object> brand) {

        public boolean ok() {
            return organization.ok();
        }

        public Map<String, Object> org() {
            return organization.object();
        }

        /** The page's common data: the organization, the person's role and permissions. */
        public Map<String, Object> data() {
            return Map.of("org", org(), "can", can, "myRole", role == null ? "" : role, "canDelete", canDelete, "brand", brand);
        }
    }

    private final OrganizationsApi organizations;
    private final UsersApi users;

    public OrganizationScope(@RestClient OrganizationsApi organizations, @RestClient UsersApi users) {
        this.organizations = organizations;
        this.users = users;
    }

    /**
     * The organization and the person's permissions there. Deleting a sub-organization is decided on its parent
     * (Owners and Admins there), so for one the parent's permissions are read too.
     */
    public Uni<Seen> load(UUID organizationId) {
        return Uni.combine().all().unis(organizations.get(organizationId).map(ApiAnswer::of),
                users.myAccess(organizationId).map(ApiAnswer::of), organizations.branding(organizationId).map(ApiAnswer::of))
                .asTuple().chain(t -> {
                    ApiAnswer org = t.getItem1();
                    ApiAnswer access = t.getItem2();
                    Set<String> can = permissions(access);
                    String role = (String) access.object().get("role");
                    Map<String, Object> brand = brand(t.getItem3());
                    if (!org.ok()) {
                        return Uni.createFrom().item(new Seen(org, Set.of(), null, false, brand));
                    }
                    UUID parent = FormValues.uuid((String) org.object().get("parentId"));
                    if (parent == null) {
                        return Uni.createFrom().item(new Seen(org, can, role, can.contains("organization:delete"), brand));
                    }
                    return users.myAccess(parent).map(ApiAnswer::of)
                            .map(above -> new Seen(org, can, role, permissions(above).contains("organization:create-child"), brand));
                });
    }

    /**
     * What the pages draw of the branding that holds: {@code primaryColor} (empty: the console's own) and whether there
     * is a {@code logo}; the own parts and their sources for the settings page.
     */
    static Map<String, Object> brand(ApiAnswer branding) {
        if (!branding.ok()) {
            return Map.of("primaryColor", "", "logo", false, "own", Map.of(), "effective", Map.of());
        }
        Map<String, Object> effective = nested(branding.object(), "effective");
        Object colour = effective.get("primaryColor");
        return Map.of("primaryColor", colour == null ? "" : colour, "logo", effective.get("logo") != null,
                "own", nested(branding.object(), "own"), "effective", effective, "version", branding.object().getOrDefault("version", 0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> map, String key) {
        return map.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Set<String> permissions(ApiAnswer access) {
        return access.ok() ? new HashSet<>(access.list("permissions").stream().map(Object::toString).toList()) : Set.of();
    }
}
