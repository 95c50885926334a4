package dev.orgplatform.user.sso;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;

/**
 * The proof that an organization controls a domain: a TXT record named {@link #recordName} whose text is
 * {@link #recordValue}. The token is random per claim, so a record made for one organization proves nothing for another.
 */
public final class DomainVerification {

    public static final String PREFIX = "_orgplatform-verification";
    private static final String VALUE_PREFIX = "orgplatform-verification=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DomainVerification() {
    }

    public static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String recordName(String domain) {
        return PREFIX + "." + domain;
    }

    public static String recordValue(String token) {
        return VALUE_PREFIX + token;
    }

    /** Whether one of the TXT texts found is the claim's value (quotes and surrounding blanks aside). */
    public static boolean proves(Collection<String> texts, String token) {
        String expected = recordValue(token);
        return texts.stream().map(t -> t.trim().replace("\"", "")).anyMatch(expected::equals);
    }
}
