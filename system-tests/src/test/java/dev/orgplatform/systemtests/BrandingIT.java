package dev.orgplatform.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.deploy.LocalStack;
import dev.orgplatform.deploy.StackProfile;
import dev.orgplatform.deploy.testing.KafkaEvents;
import dev.orgplatform.deploy.testing.Mailbox;
import dev.orgplatform.deploy.testing.TestUsers;

/**
 * Branding set on a root flows down to the sub-organizations that set none of their own, part by part; logos are
 * measured and refused with the measured size; the logo is served with caching headers; the invitation mail of a
 * sub-organization goes out in the branding that holds for it (sender name, colour, the logo inline).
 */
class BrandingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient RAW = HttpClient.newHttpClient();

    private static LocalStack stack;
    private static Flows flows;

    @BeforeAll
    static void theSuite() {
        stack = Suite.services();
        flows = new Flows(stack);
    }

    @Test
    void brandingSetAboveHoldsBelowPartByPartAndTheInvitationMailOfASubOrganizationWearsIt() throws Exception {
        TestUsers.User owner = TestUsers.create("brand-owner");
        String root = flows.treeRoot(owner);
        String child = flows.child(owner, root, "brand-child");
        String grandchild = flows.child(owner, child, "brand-grandchild");

        Http.Answer set = put(owner, root, "", "{\"primaryColor\":\"#AA3300\",\"mailDisplayName\":\"Acme Support\"}");
        assertEquals(200, set.status(), set::toString);
        assertEquals("#aa3300", JSON.readTree(set.body()).path("own").path("primaryColor").asText(), "kept in lower case");
        byte[] png = image(640, 600, "png");
        Http.Answer logo = put(owner, root, "/logo", logo("image/png", png));
        assertEquals(200, logo.status(), logo::toString);
        Http.Answer own = put(owner, child, "", "{\"primaryColor\":\"#00aa55\"}");
        assertEquals(200, own.status(), own::toString);

        // each part the nearest set: the grandchild's colour is its parent's, its name and logo the root's
        JsonNode below = JSON.readTree(get(owner, grandchild, "").body()).path("effective");
        assertEquals("#00aa55", below.path("primaryColor").asText(), below::toString);
        assertEquals(child, below.path("primaryColorFrom").asText());
        assertEquals("Acme Support", below.path("mailDisplayName").asText());
        assertEquals(root, below.path("mailDisplayNameFrom").asText());
        assertEquals(root, below.path("logoFrom").asText());
        assertEquals(640, below.path("logo").path("width").asInt());

        // served with caching headers; the same version again is a 304
        HttpResponse<byte[]> served = raw(owner, grandchild, null);
        assertEquals(200, served.statusCode());
        assertArrayEquals(png, served.body());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertTrue(served.headers().firstValue("Cache-Control").orElse("").contains("max-age=300"), served.headers()::toString);
        assertEquals(304, raw(owner, grandchild, etag).statusCode());

        // the mail of an invitation into the child: sent as the root's name, the child's colour, the root's logo inline
        String email = "branded-" + java.util.UUID.randomUUID() + "@example.com";
        flows.invite(owner, child, email, "DEVELOPER");
        Mailbox.Mail mail = Mailbox.of(StackProfile.TEST).await(email, Duration.ofSeconds(30));
        assertTrue(mail.from().startsWith("Acme Support"), mail::from);
        assertTrue(mail.subject().contains("Child brand-child"), mail::subject);
        assertTrue(mail.body().contains("#00aa55"), "the link wears the child's colour");
        assertEquals(1, mail.attachments().size(), mail.attachments()::toString);
        assertArrayEquals(png, mail.attachments().get(0).bytes(), "the logo inline");
        assertTrue(mail.body().contains("cid:logo@orgplatform"), "the HTML shows it");

        // more mails read the logo from invitation-service's cache (by its digest), not from org-service each time
        // (a second replica of invitation-service reads it once of its own)
        double readsBefore = logoReads();
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(png, mailedLogo(owner, child), "the logo inline again");
        }
        double reads = logoReads() - readsBefore;
        assertTrue(reads <= 1, "3 mails read the logo " + reads + " times");
        // a new logo is a new digest: the next mail wears it at once
        byte[] newer = image(700, 600, "png");
        Http.Answer replaced = put(owner, root, "/logo", logo("image/png", newer));
        assertEquals(200, replaced.status(), replaced::toString);
        assertArrayEquals(newer, mailedLogo(owner, child), "the new logo, never the one cached before");

        // each change is an event (and so an audit entry) with the own branding as it now is
        List<ConsumerRecord<String, String>> changes = new KafkaEvents(stack.config().kafkaBootstrap()).awaitAll("organizations",
                r -> root.equals(r.key()) && "OrganizationBrandingChanged".equals(KafkaEvents.header(r, "ce_type")), 3, Duration.ofSeconds(30));
        assertEquals(3, changes.size(), changes::toString);
        assertTrue(changes.get(1).value().contains(JSON.readTree(logo.body()).path("own").path("logo").path("sha256").asText()));
        assertTrue(changes.get(2).value().contains(JSON.readTree(replaced.body()).path("own").path("logo").path("sha256").asText()));
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(Http.get(flows.url("user-service") + "/api/v1/organizations/" + root
                + "/audit?action=OrganizationBrandingChanged", Http.bearer(owner.token())).body()).path("items").size() == 3);

        // removed from the root: none holds below any more, and the logo is a 404 problem
        Http.Answer removed = Http.delete(flows.url("org-service") + "/api/v1/organizations/" + root + "/branding/logo", Http.bearer(owner.token()));
        assertEquals(200, removed.status(), removed::toString);
        assertEquals(404, raw(owner, grandchild, null).statusCode());
        Figures.line("branding: colour, mail name and logo flow down part by part; logo " + png.length + " bytes served with ETag and "
                + "max-age=300 (304 on revalidation); the child's invitation mail sent as the root's name with the logo inline");
    }

    @Test
    void logosAreMeasuredAndRefusedWithWhatWasFoundAndOnlyThoseWhoMayUpdateChangeBranding() throws Exception {
        TestUsers.User owner = TestUsers.create("brand-refused");
        String org = flows.organization(owner);

        Http.Answer small = put(owner, org, "/logo", logo("image/png", image(499, 800, "png")));
        assertEquals(400, small.status(), small::toString);
        JsonNode problem = JSON.readTree(small.body());
        assertEquals("data", problem.path("errors").path(0).path("field").asText(), small::toString);
        assertEquals(499, problem.path("width").asInt(), small::toString);
        assertEquals(800, problem.path("height").asInt());
        assertTrue(problem.path("detail").asText().contains("499×800"), small::toString);
        Http.Answer wide = put(owner, org, "/logo", logo("image/jpeg", image(4097, 600, "jpg")));
        assertEquals(400, wide.status(), wide::toString);
        assertEquals(4097, JSON.readTree(wide.body()).path("width").asInt());
        Http.Answer lied = put(owner, org, "/logo", logo("image/jpeg", image(600, 600, "png")));
        assertEquals("mediaType", JSON.readTree(lied.body()).path("errors").path(0).path("field").asText(), lied::toString);
        byte[] script = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        Http.Answer svg = put(owner, org, "/logo", logo("image/svg+xml", script));
        assertEquals(400, svg.status(), svg::toString);
        Http.Answer notBase64 = put(owner, org, "/logo", "{\"mediaType\":\"image/png\",\"data\":\"@@@\"}");
        assertEquals("data", JSON.readTree(notBase64.body()).path("errors").path(0).path("field").asText(), notBase64::toString);
        Http.Answer red = put(owner, org, "", "{\"primaryColor\":\"red\"}");
        assertEquals("primaryColor", JSON.readTree(red.body()).path("errors").path(0).path("field").asText(), red::toString);
        byte[] inert = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(200, put(owner, org, "/logo", logo("image/svg+xml", inert)).status());
        HttpResponse<byte[]> served = raw(owner, org, null);
        assertTrue(served.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"), served.headers()::toString);

        TestUsers.User viewer = flows.member(owner, org, "VIEWER");
        assertEquals(200, get(viewer, org, "").status(), "members read it");
        assertEquals(403, put(viewer, org, "", "{\"primaryColor\":\"#000000\"}").status());
        TestUsers.User stranger = TestUsers.create("brand-stranger");
        assertEquals(404, get(stranger, org, "").status());
        assertEquals(404, raw(stranger, org, null).statusCode());
        JsonNode after = JSON.readTree(get(owner, org, "").body());
        assertTrue(after.path("own").path("primaryColor").isNull(), "nothing refused was applied: " + after);
        Figures.line("branding refused: 499×800 and 4097×600 (400 with width/height), a PNG sent as JPEG, an SVG with a script, "
                + "not base64, colour \"red\"; a Viewer 403, a stranger 404");
    }

    private static Http.Answer get(TestUsers.User who, String org, String sub) {
        return Http.get(flows.url("org-service") + "/api/v1/organizations/" + org + "/branding" + sub, Http.bearer(who.token()));
    }

    private static Http.Answer put(TestUsers.User who, String org, String sub, String json) {
        return Http.send("PUT", flows.url("org-service") + "/api/v1/organizations/" + org + "/branding" + sub, Http.bearer(who.token()), json);
    }

    private static HttpResponse<byte[]> raw(TestUsers.User who, String org, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(flows.url("org-service") + "/api/v1/organizations/" + org
                + "/branding/logo")).header("Authorization", "Bearer " + who.token()).header("Accept", "image/*").timeout(Duration.ofSeconds(30));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return RAW.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String logo(String mediaType, byte[] bytes) {
        return "{\"mediaType\":\"" + mediaType + "\",\"data\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}";
    }

    /** The logo inline in the mail of a new invitation into {@code organization}. */
    private byte[] mailedLogo(TestUsers.User owner, String organization) {
        String email = "branded-" + java.util.UUID.randomUUID() + "@example.com";
        flows.invite(owner, organization, email, "DEVELOPER");
        Mailbox.Mail mail = Mailbox.of(StackProfile.TEST).await(email, Duration.ofSeconds(30));
        assertEquals(1, mail.attachments().size(), mail.attachments()::toString);
        return mail.attachments().get(0).bytes();
    }

    /** How many logos org-service has served (its request metrics). */
    private static double logoReads() {
        String metrics = Http.get(flows.url("org-service") + "/q/metrics", Map.of()).body();
        return metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{") && l.contains("method=\"GET\"")
                        && l.contains("status=\"200\"") && l.contains("uri=\"/api/v1/organizations/{id}/branding/logo\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(10, 10, width / 2, height / 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
