package dev.orgplatform.cli.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgplatform.cli.config.CliConfig;
import dev.orgplatform.cli.config.Endpoints;

/**
 * The four services' REST APIs as the signed-in person (the stored session, refreshed silently) or an API key. Any
 * answer other than 2xx is an {@link ApiException} carrying the problem details.
 */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    public static final String SESSION = "session.json";
    private final Endpoints endpoints;
    private final HttpClient http;
    private final Supplier<String[]> credentials;

    private Api(Endpoints endpoints, HttpClient http, Supplier<String[]> credentials) {
        this.endpoints = endpoints;
        this.http = http;
        this.credentials = credentials;
    }

    public static HttpClient httpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** With {@code apiKey} when given, else as the signed-in person of {@code config}. */
    public static Api of(Endpoints endpoints, CliConfig config, String apiKey) {
        HttpClient http = httpClient();
        if (apiKey != null && !apiKey.isBlank()) {
            return new Api(endpoints, http, () -> new String[] {"X-API-Key", apiKey});
        }
        return new Api(endpoints, http, () -> new String[] {"Authorization", "Bearer " + accessToken(endpoints, config, http)});
    }

    /** The stored access token, refreshed (and the new refresh token stored) when it expires within 30 s. */
    static String accessToken(Endpoints endpoints, CliConfig config, HttpClient http) {
        ObjectNode session = config.read(SESSION);
        if (!session.hasNonNull("refreshToken")) {
            throw new ApiException(401, null, "not signed in: run `orgplatform login` (or pass --api-key)");
        }
        long now = Instant.now().getEpochSecond();
        if (session.path("accessExpiresAt").asLong() - 30 > now) {
            return session.path("accessToken").asText();
        }
        try {
            ObjectNode fresh = new Keycloak(endpoints, http).refresh(session.path("refreshToken").asText());
            config.write(SESSION, fresh);
            return fresh.path("accessToken").asText();
        } catch (ApiException e) {
            if (e.status() == 400) {
                throw new ApiException(401, null, "the sign-in has expired or was revoked: run `orgplatform login` again");
            }
            throw e;
        }
    }

    public Reply get(String service, String path) {
        return send(service, "GET", path, null, null);
    }

    public Reply post(String service, String path, Object body) {
        return send(service, "POST", path, body, null);
    }

    public Reply send(String service, String method, String path, Object body, String ifMatch) {
        String[] credential = credentials.get();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoints.service(service) + path)).timeout(Duration.ofSeconds(30))
                .header(credential[0], credential[1]).header("Accept", "application/json, application/problem+json");
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        try {
            if (body != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = parse(r.body());
            if (r.statusCode() >= 300) {
                throw new ApiException(r.statusCode(), json, service + " answered " + r.statusCode());
            }
            return new Reply(r.statusCode(), json, r.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new ApiException(0, null, service + " at " + endpoints.service(service) + " cannot be reached: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, null, "interrupted");
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
