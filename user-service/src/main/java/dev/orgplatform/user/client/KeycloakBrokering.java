package dev.orgplatform.user.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.orgplatform.platform.client.DependencyCalls;
import dev.orgplatform.user.config.KeycloakConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Makes Keycloak's copy of an organization's SSO match what user-service holds: one Keycloak organization per platform
 * organization (named by its id), its verified domains, one identity provider per connection linked to it (routing
 * logins of its domain once verified), and no provider of a deleted connection; an organization with neither
 * connections nor verified domains has no Keycloak organization. Every step is idempotent, so a sync
 * that failed halfway is simply run again.
 */
@ApplicationScoped
public class KeycloakBrokering {

    /** Keycloak's identity provider settings that route logins of a domain to the provider. */
    static final String ORG_DOMAIN = "kc.org.domain";
    static final String REDIRECT_WHEN_EMAIL_MATCHES = "kc.org.broker.redirect.mode.email-matches";
    private static final String MAPPER_PREFIX = "orgplatform-";

    /** One connection as Keycloak is to hold it; {@code secret} null keeps the one Keycloak has. */
    public record Provider(String alias, String protocol, String displayName, String discoveryUrl, String metadataXml,
            String clientId, String secret, String routedDomain, Map<String, String> attributes) {
    }

    /** Everything of one organization Keycloak is to hold. */
    public record Brokering(UUID organizationId, List<String> verifiedDomains, List<Provider> providers, List<String> removedAliases) {

        boolean empty() {
            return verifiedDomains.isEmpty() && providers.isEmpty();
        }
    }

    private final KeycloakBrokeringApi api;
    private final Duration timeout;

    public KeycloakBrokering(@RestClient KeycloakBrokeringApi api, KeycloakConfig config) {
        this.api = api;
        this.timeout = config.timeout();
    }

    public Uni<Void> apply(Brokering b) {
        Uni<Void> removals = Multi.createFrom().iterable(b.removedAliases()).onItem()
                .transformToUniAndConcatenate(alias -> absentIfNotFound(guard(api.deleteProvider(alias))))
                .collect().last().replaceWithVoid();
        return removals.chain(() -> organization(b.organizationId(), !b.empty())).chain(org -> org == null ? Uni.createFrom().voidItem()
                : b.empty() ? absentIfNotFound(guard(api.deleteOrganization(String.valueOf(org.get("id"))))).replaceWithVoid()
                : referencedDomains(org).chain(referenced -> {
                    Set<String> keep = new LinkedHashSet<>(b.verifiedDomains());
                    keep.addAll(referenced);
                    return putDomains(org, keep);
                })
                        .chain(() -> Multi.createFrom().iterable(b.providers()).onItem()
                                .transformToUniAndConcatenate(p -> upsert(String.valueOf(org.get("id")), p)).collect().last())
                        .chain(() -> find(b.organizationId().toString())).chain(now -> putDomains(now, b.verifiedDomains())));
    }

    /** The Keycloak organization of a platform organization, made when {@code create}; null when there is none. */
    private Uni<Map<String, Object>> organization(UUID organizationId, boolean create) {
        String name = organizationId.toString();
        return find(name).chain(found -> found != null || !create ? Uni.createFrom().item(found)
                : guard(api.createOrganization(Map.of("name", name, "alias", name, "enabled", true, "domains", List.of())))
                        .onFailure(e -> status(e) == 409).recoverWithNull().chain(() -> find(name)));
    }

    private Uni<Map<String, Object>> find(String name) {
        return guard(api.organizations(name, true, false)).map(list -> list.stream().filter(o -> name.equals(o.get("name"))).findFirst().orElse(null));
    }

    /** Domains a linked provider routes by: Keycloak refuses to drop them from the organization while referenced. */
    private Uni<List<String>> referencedDomains(Map<String, Object> org) {
        return guard(api.linkedProviders(String.valueOf(org.get("id")))).map(providers -> providers.stream()
                .map(p -> config(p).get(ORG_DOMAIN)).filter(d -> d instanceof String s && !s.isBlank() && !"ANY".equals(s))
                .map(String::valueOf).distinct().toList());
    }

    /** Only when they differ: rewriting an organization's domains races with logins that make members of it. */
    private Uni<Void> putDomains(Map<String, Object> org, java.util.Collection<String> domains) {
        Object current = org.get("domains");
        Set<String> held = new java.util.HashSet<>();
        if (current instanceof List<?> list) {
            list.forEach(d -> held.add(String.valueOf(d instanceof Map<?, ?> m ? m.get("name") : d)));
        }
        if (held.equals(new java.util.HashSet<>(domains))) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> rep = new HashMap<>(org);
        List<Map<String, Object>> list = new ArrayList<>();
        domains.forEach(d -> list.add(Map.of("name", d, "verified", true)));
        rep.put("domains", list);
        return guard(api.updateOrganization(String.valueOf(org.get("id")), rep)).replaceWithVoid();
    }

    private Uni<Void> upsert(String keycloakOrgId, Provider p) {
        return absentIfNotFound(guard(api.provider(p.alias()))).chain(existing -> {
            Uni<Map<String, Object>> current = existing != null ? Uni.createFrom().item(existing)
                    : importedConfig(p).chain(config -> {
                        Map<String, Object> rep = representation(new HashMap<>(), p, config, false);
                        // another replica's sync made it meanwhile: the same provider, updated below
                        return guard(api.createProvider(rep)).onFailure(e -> status(e) == 409).recoverWithNull().replaceWith(rep);
                    });
            return current.chain(rep -> existing != null && existing.get("organizationId") != null ? Uni.createFrom().voidItem()
                    : guard(api.link(keycloakOrgId, "\"" + p.alias() + "\"")).onFailure(e -> status(e) == 409).recoverWithNull()
                            .replaceWithVoid())
                    .chain(() -> absentIfNotFound(guard(api.provider(p.alias()))))
                    .chain(linked -> guard(api.updateProvider(p.alias(), representation(linked, p, config(linked), true))))
                    .chain(() -> mappers(p));
        });
    }

    private Uni<Map<String, Object>> importedConfig(Provider p) {
        if (p.discoveryUrl() == null) {
            return guard(api.importConfigFile(p.protocol(), p.metadataXml()));
        }
        return guard(api.importConfig(Map.of("providerId", p.protocol(), "fromUrl", p.discoveryUrl())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(Map<String, Object> provider) {
        Object c = provider == null ? null : provider.get("config");
        return c instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, Object> representation(Map<String, Object> base, Provider p, Map<String, Object> imported, boolean route) {
        Map<String, Object> rep = new HashMap<>(base == null ? Map.of() : base);
        Map<String, Object> config = new HashMap<>(imported);
        if ("oidc".equals(p.protocol())) {
            config.put("clientId", p.clientId());
            if (p.secret() != null) {
                config.put("clientSecret", p.secret());
            }
            config.put("clientAuthMethod", "client_secret_post");
            config.put("defaultScope", "openid email profile");
        } else {
            config.putIfAbsent("nameIDPolicyFormat", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
            config.putIfAbsent("principalType", "SUBJECT");
            config.put("postBindingResponse", "true");
            config.put("postBindingAuthnRequest", "true");
        }
        config.put("syncMode", "FORCE");
        if (route && p.routedDomain() != null) {
            config.put(ORG_DOMAIN, p.routedDomain());
            config.put(REDIRECT_WHEN_EMAIL_MATCHES, "true");
        } else {
            config.remove(ORG_DOMAIN);
            config.remove(REDIRECT_WHEN_EMAIL_MATCHES);
        }
        rep.put("alias", p.alias());
        rep.put("displayName", p.displayName());
        rep.put("providerId", p.protocol());
        rep.put("enabled", true);
        rep.put("trustEmail", true);
        rep.put("config", config);
        return rep;
    }

    /** The user attributes (email, firstName, lastName) read from the claims or SAML attributes the connection names. */
    private Uni<Void> mappers(Provider p) {
        String type = "oidc".equals(p.protocol()) ? "oidc-user-attribute-idp-mapper" : "saml-user-attribute-idp-mapper";
        String sourceKey = "oidc".equals(p.protocol()) ? "claim" : "attribute.name";
        return guard(api.mappers(p.alias())).chain(existing -> Multi.createFrom().iterable(existing)
                .filter(m -> String.valueOf(m.get("name")).startsWith(MAPPER_PREFIX)).onItem()
                .transformToUniAndConcatenate(m -> guard(api.deleteMapper(p.alias(), String.valueOf(m.get("id")))))
                .collect().last())
                .chain(() -> Multi.createFrom().iterable(p.attributes().entrySet()).onItem()
                        .transformToUniAndConcatenate(a -> guard(api.createMapper(p.alias(), Map.of("name", MAPPER_PREFIX + a.getKey(),
                                "identityProviderAlias", p.alias(), "identityProviderMapper", type,
                                "config", Map.of(sourceKey, a.getValue(), "user.attribute", a.getKey(), "syncMode", "INHERIT")))))
                        .collect().last())
                .chain(() -> guard(api.createMapper(p.alias(), usernameMapper(p))))
                .replaceWithVoid();
    }

    /**
     * The platform's usernames are emails: a person brokered from a customer's provider gets theirs too, never the
     * provider's own username (two customers' "alice" would collide).
     */
    private static Map<String, Object> usernameMapper(Provider p) {
        boolean oidc = "oidc".equals(p.protocol());
        String email = p.attributes().getOrDefault("email", "email");
        return Map.of("name", MAPPER_PREFIX + "username", "identityProviderAlias", p.alias(),
                "identityProviderMapper", oidc ? "oidc-username-idp-mapper" : "saml-username-idp-mapper",
                "config", Map.of("template", oidc ? "${CLAIM." + email + "}" : "${ATTRIBUTE." + email + "}", "target", "LOCAL",
                        "syncMode", "INHERIT"));
    }

    private static <T> Uni<T> absentIfNotFound(Uni<T> call) {
        return call.onFailure(e -> status(e) == 404).recoverWithNull();
    }

    private static int status(Throwable e) {
        return e instanceof WebApplicationException w ? w.getResponse().getStatus() : -1;
    }

    private <T> Uni<T> guard(Uni<T> call) {
        return DependencyCalls.guard(call, "keycloak", timeout);
    }
}
