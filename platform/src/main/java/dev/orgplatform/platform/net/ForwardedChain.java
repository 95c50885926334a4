package dev.orgplatform.platform.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which address a request came from. The peer (the TCP connection's other end) is the client unless it is a
 * trusted proxy; then the hops a proxy recorded ({@code Forwarded: for=}, RFC 7239, else {@code X-Forwarded-For})
 * are read from the right, the nearest first, and the first hop that is not itself a trusted proxy is the client.
 * What a client wrote into those headers itself sits further left, behind an untrusted hop, and is never believed.
 * Only the last {@value #MAX_HOPS} hops of at most {@value #MAX_HEADER} characters are read; a hop that is not an IP
 * literal ends the walk at the last address that was one.
 */
public final class ForwardedChain {

    static final int MAX_HOPS = 16;
    static final int MAX_HEADER = 2048;

    private ForwardedChain() {
    }

    public static String client(String peer, String forwarded, String xForwardedFor, List<Cidr> trustedProxies) {
        if (peer == null || !trusted(peer, trustedProxies)) {
            return peer;
        }
        List<String> hops = forwarded != null && !forwarded.isBlank() ? forwardedFor(forwarded) : forwardedFor(xForwardedFor, ",");
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = address(hops.get(i));
            if (hop == null) {
                return client; // not an address (obfuscated, "unknown", garbage): the last real one stands
            }
            client = hop;
            if (!trusted(hop, trustedProxies)) {
                return hop;
            }
        }
        return client;
    }

    private static boolean trusted(String address, List<Cidr> trustedProxies) {
        return trustedProxies.stream().anyMatch(c -> c.containsAddress(address));
    }

    /** The {@code for=} values of a Forwarded header, in order. */
    private static List<String> forwardedFor(String forwarded) {
        List<String> values = new ArrayList<>();
        for (String element : forwardedFor(forwarded, ",")) {
            for (String pair : element.split(";")) {
                String p = pair.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("for=")) {
                    values.add(p.substring(4));
                }
            }
        }
        return values;
    }

    /** The last {@value #MAX_HOPS} comma-separated entries of the last {@value #MAX_HEADER} characters. */
    private static List<String> forwardedFor(String header, String separator) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        String tail = header.length() > MAX_HEADER ? header.substring(header.length() - MAX_HEADER) : header;
        String[] parts = tail.split(separator);
        // a cut may have split the first entry: drop it
        int from = Math.max(header.length() > MAX_HEADER ? 1 : 0, parts.length - MAX_HOPS);
        List<String> hops = new ArrayList<>();
        for (int i = from; i < parts.length; i++) {
            hops.add(parts[i].trim());
        }
        return hops;
    }

    /** The IP literal of one hop ("198.51.100.7", "198.51.100.7:4711", "[2001:db8::1]:4711", quoted), or null. */
    static String address(String hop) {
        String h = hop.trim();
        if (h.length() >= 2 && h.startsWith("\"") && h.endsWith("\"")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end < 0 ? "" : h.substring(1, end);
        } else if (h.indexOf(':') > 0 && h.indexOf(':') == h.lastIndexOf(':')) {
            h = h.substring(0, h.indexOf(':')); // IPv4 with a port
        }
        String literal = h;
        return Cidr.ofAddress(literal).isPresent() ? literal : null;
    }
}
