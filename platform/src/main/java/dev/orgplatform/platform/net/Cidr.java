package dev.orgplatform.platform.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address block such as {@code 10.0.0.0/8}, kept in canonical form (host bits cleared): IP allowlists
 * and trusted proxies.
 */
public record Cidr(byte[] network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    /** The block {@code text} names, or empty when it is not a CIDR (never a DNS lookup: literals only). */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2 || !parts[1].matches("\\d{1,3}")) {
            return Optional.empty();
        }
        String address = parts[0];
        boolean v4 = IPV4.matcher(address).matches();
        if (!v4 && !(address.contains(":") && IPV6.matcher(address).matches())) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int prefix = Integer.parseInt(parts[1]);
            if ((v4 && bytes.length != 4) || prefix > bytes.length * 8) {
                return Optional.empty();
            }
            return Optional.of(new Cidr(mask(bytes, prefix), prefix));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** One address as its own block (/32, /128), or empty when {@code address} is not an IP literal. */
    public static Optional<Cidr> ofAddress(String address) {
        if (address == null || address.isBlank() || address.length() > 45) {
            return Optional.empty();
        }
        String a = address.trim();
        return parse(a + (a.contains(":") ? "/128" : "/32"));
    }

    /** Whether the address lies in this block (an IPv4 address never in an IPv6 block, nor the other way round). */
    public boolean containsAddress(String address) {
        return ofAddress(address).map(this::contains).orElse(false);
    }

    /** Whether every address of {@code other} lies in this block. */
    public boolean contains(Cidr other) {
        return network.length == other.network.length && prefix <= other.prefix
                && Arrays.equals(network, mask(other.network, prefix));
    }

    @Override
    public String toString() {
        try {
            String address = InetAddress.getByAddress(network).getHostAddress();
            return address + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && prefix == c.prefix && Arrays.equals(network, c.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }
}
