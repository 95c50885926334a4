package dev.orgplatform.cli.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgplatform.cli.config.Endpoints;

/** The CLI's public client at Keycloak: the device authorization grant, refresh, revocation. */
public final class Keycloak {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Endpoints endpoints;
    private final HttpClient http;

    public Keycloak(Endpoints endpoints, HttpClient http) {
        this.endpoints = endpoints;
        this.http = http;
    }

    /** What the person is asked to do: open {@code verificationUri} and enter {@code userCode}. */
    public record DeviceCode(String deviceCode, String userCode, String verificationUri, String verificationUriComplete,
            int expiresIn, int interval) {
    }

    public DeviceCode startDeviceLogin() {
        JsonNode r = post("auth/device", Map.of("client_id", endpoints.clientId(), "scope", "openid"));
        return new DeviceCode(r.path("device_code").asText(), r.path("user_code").asText(), r.path("verification_uri").asText(),
                r.path("verification_uri_complete").asText(null), r.path("expires_in").asInt(600), Math.max(1, r.path("interval").asInt(5)));
    }

    /**
     * Polls until the person approved (tokens), denied or let the code expire (ApiException 401), at the interval
     * Keycloak asks for; {@code waiting} hears each pending poll.
     */
    public ObjectNode awaitDeviceLogin(DeviceCode code, Consumer<Integer> waiting) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(code.expiresIn());
        int interval = code.interval();
        for (int polls = 1; Instant.now().isBefore(until); polls++) {
            Thread.sleep(interval * 1000L);
            try {
                return tokens(post("token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code", "client_id",
                        endpoints.clientId(), "device_code", code.deviceCode())));
            } catch (ApiException e) {
                String error = e.problem() == null ? "" : e.problem().path("error").asText();
                if (error.equals("slow_down")) {
                    interval += 5;
                } else if (!error.equals("authorization_pending")) {
                    throw new ApiException(401, null, "sign-in not completed: " + error + " "
                            + e.problem().path("error_description").asText(""));
                }
                waiting.accept(polls);
            }
        }
        throw new ApiException(401, null, "sign-in not completed: the code expired");
    }

    public ObjectNode refresh(String refreshToken) {
        return tokens(post("token", Map.of("grant_type", "refresh_token", "client_id", endpoints.clientId(), "refresh_token", refreshToken)));
    }

    /** The refresh token (and the session behind it) stops working. */
    public void revoke(String refreshToken) {
        post("revoke", Map.of("client_id", endpoints.clientId(), "token", refreshToken, "token_type_hint", "refresh_token"));
    }

    /** The stored form: the tokens and when each expires. */
    private static ObjectNode tokens(JsonNode r) {
        ObjectNode s = JSON.createObjectNode();
        long now = Instant.now().getEpochSecond();
        s.put("accessToken", r.path("access_token").asText());
        s.put("refreshToken", r.path("refresh_token").asText());
        s.put("accessExpiresAt", now + r.path("expires_in").asLong(60));
        s.put("refreshExpiresAt", r.path("refresh_expires_in").asLong(0) == 0 ? 0 : now + r.path("refresh_expires_in").asLong());
        return s;
    }

    private JsonNode post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.oidc(path))).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
            if (r.statusCode() >= 300) {
                throw new ApiException(r.statusCode() >= 500 ? r.statusCode() : 400, json,
                        "Keycloak: " + json.path("error").asText() + " " + json.path("error_description").asText(""));
            }
            return json;
        } catch (IOException e) {
            throw new ApiException(0, null, "Keycloak at " + endpoints.keycloakUrl() + " cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, null, "interrupted");
        }
    }
}
