package dev.orgplatform.cli.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where Keycloak and the four services are. Each comes from, first to last: a flag, the environment
 * ({@code ORGPLATFORM_KEYCLOAK_URL}, {@code ORGPLATFORM_ORG_SERVICE_URL}, ...), the config file, the local stack.
 */
public record Endpoints(String keycloakUrl, String realm, String clientId, Map<String, String> services) {

    public static final Map<String, String> LOCAL_STACK = Map.of("org-service", "http://127.0.0.1:8081", "user-service",
            "http://127.0.0.1:8082", "invitation-service", "http://127.0.0.1:8083", "billing-service", "http://127.0.0.1:8084");
    public static final String LOCAL_KEYCLOAK = "http://127.0.0.1:18080";

    public String service(String name) {
        String url = services.get(name);
        if (url == null) {
            throw new IllegalArgumentException("no address for " + name);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The realm's OpenID Connect endpoints. */
    public String oidc(String path) {
        return keycloakUrl.replaceAll("/$", "") + "/realms/" + realm + "/protocol/openid-connect/" + path;
    }

    static Endpoints resolve(Map<String, String> flags, Map<String, String> env, Map<String, String> file) {
        Map<String, String> services = new LinkedHashMap<>();
        for (String service : LOCAL_STACK.keySet().stream().sorted().toList()) {
            services.put(service, pick(service + "-url", flags, env, file, LOCAL_STACK.get(service)));
        }
        return new Endpoints(pick("keycloak-url", flags, env, file, LOCAL_KEYCLOAK), pick("realm", flags, env, file, "org-platform"),
                pick("client-id", flags, env, file, "org-platform-cli"), services);
    }

    private static String pick(String key, Map<String, String> flags, Map<String, String> env, Map<String, String> file, String fallback) {
        String envName = "ORGPLATFORM_" + key.toUpperCase().replace('-', '_');
        if (flags.get(key) != null) {
            return flags.get(key);
        }
        if (env.get(envName) != null && !env.get(envName).isBlank()) {
            return env.get(envName);
        }
        return file.getOrDefault(key, fallback);
    }
}
