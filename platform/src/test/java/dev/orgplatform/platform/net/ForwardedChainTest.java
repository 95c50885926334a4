package dev.orgplatform.platform.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which address a request came from, as the forwarding headers and the trusted proxies say (pure: no stack). */
class ForwardedChainTest {

    private static final List<Cidr> PROXIES = List.of(Cidr.parse("10.0.0.0/8").orElseThrow(), Cidr.parse("fd00::/8").orElseThrow());

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeadersSay() {
        assertEquals("203.0.113.9", ForwardedChain.client("203.0.113.9", null, "198.51.100.1", PROXIES));
        assertEquals("203.0.113.9", ForwardedChain.client("203.0.113.9", "for=198.51.100.1", null, PROXIES));
        assertEquals("203.0.113.9", ForwardedChain.client("203.0.113.9", null, "198.51.100.1", List.of()));
    }

    @Test
    void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
        // the client forged "1.2.3.4" itself; the ingress (10.0.0.5) appended what it saw
        assertEquals("198.51.100.7", ForwardedChain.client("10.0.0.5", null, "1.2.3.4, 198.51.100.7", PROXIES));
        assertEquals("198.51.100.7", ForwardedChain.client("10.0.0.5", null, "1.2.3.4, 198.51.100.7, 10.0.0.9", PROXIES));
        assertEquals("2001:db8::1", ForwardedChain.client("10.0.0.5", null, "2001:db8::1", PROXIES));
        assertEquals("2001:db8::1", ForwardedChain.client("fd00::2", "for=\"[2001:db8::1]:4711\";proto=https, for=10.0.0.9", null, PROXIES));
        assertEquals("198.51.100.7", ForwardedChain.client("10.0.0.5", null, "198.51.100.7:4711", PROXIES));
    }

    @Test
    void whatIsNotAnAddressEndsTheWalkAndLongHeadersAreReadFromTheirEndOnly() {
        assertEquals("10.0.0.5", ForwardedChain.client("10.0.0.5", null, "garbage", PROXIES));
        assertEquals("10.0.0.9", ForwardedChain.client("10.0.0.5", "for=unknown, for=10.0.0.9", null, PROXIES));
        assertEquals("10.0.0.5", ForwardedChain.client("10.0.0.5", null, "", PROXIES));
        String longChain = "198.51.100.1, ".repeat(500) + "198.51.100.7";
        assertEquals("198.51.100.7", ForwardedChain.client("10.0.0.5", null, longChain, PROXIES));
        String trustedOnly = "10.0.0.1, ".repeat(40) + "10.0.0.2";
        assertEquals("10.0.0.1", ForwardedChain.client("10.0.0.5", null, trustedOnly, PROXIES), "the furthest hop read");
    }

    @Test
    void addressesAreLiteralsOnly() {
        assertEquals(null, ForwardedChain.address("example.com"));
        assertEquals("192.0.2.1", ForwardedChain.address(" \"192.0.2.1\" "));
        assertEquals(null, ForwardedChain.address("300.1.1.1"));
        assertEquals("::1", ForwardedChain.address("[::1]"));
    }
}
