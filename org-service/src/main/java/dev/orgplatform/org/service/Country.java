package dev.orgplatform.org.service;

import java.util.Locale;
import java.util.Set;

import dev.orgplatform.platform.problem.ProblemException;

/**
 * An organization's country: an ISO 3166-1 alpha-2 code, kept in upper case. It is recorded and shown, never used to
 * route anything (where data lives is the region's business).
 */
public final class Country {

    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private Country() {
    }

    /** The code in its canonical form, null for none; anything else is refused naming the field. */
    public static String canonical(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (!CODES.contains(upper)) {
            throw ProblemException.badField("country", "must be an ISO 3166-1 alpha-2 country code such as DE, FR or US");
        }
        return upper;
    }
}
