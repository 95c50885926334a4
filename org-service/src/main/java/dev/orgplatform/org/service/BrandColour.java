package dev.orgplatform.org.service;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.orgplatform.platform.problem.ProblemException;

/** A brand's primary colour: {@code #RRGGBB} in hexadecimal, kept in lower case; null for none. */
public final class BrandColour {

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private BrandColour() {
    }

    public static String canonical(String colour) {
        if (colour == null || colour.isBlank()) {
            return null;
        }
        String trimmed = colour.trim();
        if (!HEX.matcher(trimmed).matches()) {
            throw ProblemException.badField("primaryColor", "must be a colour as #RRGGBB in hexadecimal, such as #1f6feb");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
