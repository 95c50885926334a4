package dev.orgplatform.user.sso;

import java.util.Locale;
import java.util.regex.Pattern;

/** What an email domain an organization may claim looks like: a registrable DNS name, never an address or a bare label. */
public final class DomainName {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ALL_DIGITS = Pattern.compile("[0-9.]+");
    public static final int MAX_LENGTH = 253;

    private DomainName() {
    }

    /** The domain in its one spelling (lower case, no trailing dot), or null when it is not a claimable domain. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String d = raw.trim().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.isEmpty() || d.length() > MAX_LENGTH || ALL_DIGITS.matcher(d).matches()) {
            return null;
        }
        String[] labels = d.split("\\.", -1);
        if (labels.length < 2) {
            return null;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return null;
            }
        }
        return d;
    }

    /** The domain of an email address (normalized), or null. */
    public static String ofEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at < 1 ? null : normalize(email.substring(at + 1));
    }
}
