package dev.orgplatform.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.testing.TestUsers;

/**
 * An organization's IP allowlist on every service: through this machine acting as the trusted proxy (the stack trusts
 * 127.0.0.1) a forwarded address inside the list is allowed and one outside refused naming the rule, IPv6 too; the
 * same header sent from an untrusted peer (127.0.0.2) changes nothing; a change that would shut out its own author's
 * address is refused unless confirmed.
 */
class AccessRulesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStack stack;
    private static Flows flows;

    @BeforeAll
    static void startTheSuite() {
        stack = Suite.services();
        flows = new Flows(stack);
    }

    @Test
    void everyServiceHoldsTheAllowlistForTheForwardedAddressAndBelievesOnlyATrustedProxy() throws Exception {
        TestUsers.User owner = TestUsers.create("allowlist-it");
        String org = flows.organization(owner);
        Map<String, String> endpoints = endpoints(org);
        for (var e : endpoints.entrySet()) {
            assertEquals(200, Http.get(e.getValue(), from(owner, "198.51.100.7")).status(), e.getKey() + " before any allowlist");
        }

        // the author's own address is outside: refused unless confirmed
        Http.Answer shutOut = setAllowlist(flows.url("org-service"), owner, org, List.of("203.0.113.0/24", "2001:db8::/32"), "198.51.100.7", false);
        assertEquals(409, shutOut.status(), shutOut::toString);
        assertTrue(shutOut.body().contains("198.51.100.7") && shutOut.body().contains("confirm=lockout"), shutOut.body());
        Http.Answer set = setAllowlist(flows.url("org-service"), owner, org, List.of("203.0.113.0/24", "2001:db8::/32"), "203.0.113.5", false);
        assertEquals(200, set.status(), set::toString);

        for (var e : endpoints.entrySet()) {
            String what = e.getKey();
            String url = e.getValue();
            await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(url, from(owner, "198.51.100.7")).status() == 403);
            Http.Answer outside = Http.get(url, from(owner, "198.51.100.7"));
            assertTrue(outside.body().contains("\"rule\":\"ipAllowlist\""), what + ": " + outside);
            assertEquals(200, Http.get(url, from(owner, "203.0.113.9")).status(), what + " inside");
            assertEquals(200, Http.get(url, from(owner, "2001:db8::7")).status(), what + " inside, IPv6");
            assertEquals(403, Http.get(url, from(owner, "2001:db9::7")).status(), what + " outside, IPv6");
            // the peer 127.0.0.2 is no trusted proxy: what it claims to forward for is not believed
            assertEquals(403, fromUntrustedPeer(url, owner.token(), "203.0.113.9"), what + " with a forged header");
        }

        // narrowed from an address it would no longer admit: refused, then, confirmed, it goes; its author cannot undo it
        assertEquals(409, setAllowlist(flows.url("org-service"), owner, org, List.of("203.0.113.0/24"), "2001:db8::7", false).status());
        assertEquals(200, setAllowlist(flows.url("org-service"), owner, org, List.of("203.0.113.0/24"), "2001:db8::7", true).status());
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(endpoints.get("org-service"), from(owner, "2001:db8::7")).status() == 403);
        assertEquals(403, setAllowlist(flows.url("org-service"), owner, org, List.of(), "2001:db8::7", false).status());
        // a platform operator gives the organization back, from anywhere
        TestUsers.User operator = TestUsers.createOperator("allowlist-operator");
        assertEquals(200, setAllowlist(flows.url("org-service"), operator, org, List.of(), "198.51.100.7", false).status());
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(endpoints.get("user-service"), from(owner, "198.51.100.7")).status() == 200);
    }

    /** One read of the organization on each service. */
    static Map<String, String> endpoints(String org) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("org-service", flows.url("org-service") + "/api/v1/organizations/" + org);
        m.put("user-service", flows.url("user-service") + "/api/v1/organizations/" + org + "/members");
        m.put("invitation-service", flows.url("invitation-service") + "/api/v1/organizations/" + org + "/invitations");
        m.put("billing-service", flows.url("billing-service") + "/api/v1/organizations/" + org + "/limits");
        return m;
    }

    /** The owner's token, forwarded for {@code address} by this machine (a trusted proxy of the stack). */
    static Map<String, String> from(TestUsers.User user, String address) {
        Map<String, String> headers = new HashMap<>(Http.bearer(user.token()));
        headers.put("X-Forwarded-For", address);
        return headers;
    }

    /** Sets the organization's own IP allowlist through {@code orgService}, the request forwarded for {@code from}. */
    static Http.Answer setAllowlist(String orgService, TestUsers.User owner, String org, List<String> allowlist, String from,
            boolean confirm) throws Exception {
        return setSecurity(orgService, owner.token(), org, Map.of("enforce2fa", false, "ipAllowlist", allowlist), from, confirm);
    }

    /** Replaces the organization's own security settings through {@code orgService} with {@code token}. */
    static Http.Answer setSecurity(String orgService, String token, String org, Map<String, Object> security, String from,
            boolean confirm) throws Exception {
        String url = orgService + "/api/v1/organizations/" + org + "/settings";
        Map<String, String> headers = new HashMap<>(Http.bearer(token));
        headers.put("X-Forwarded-For", from);
        Http.Answer current = Http.get(url, headers);
        if (current.status() != 200) {
            return current;
        }
        headers.put("If-Match", "\"" + JSON.readTree(current.body()).get("version").asText() + "\"");
        return Http.send("PUT", url + (confirm ? "?confirm=lockout" : ""), headers, JSON.writeValueAsString(Map.of("security", security)));
    }

    /** The status of a GET sent from 127.0.0.2, a peer the stack does not trust, claiming to forward for {@code claimed}. */
    static int fromUntrustedPeer(String url, String token, String claimed) {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(InetAddress.getByName(uri.getHost()), uri.getPort(), InetAddress.getByName("127.0.0.2"), 0)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nX-Forwarded-For: " + claimed
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 403"
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
