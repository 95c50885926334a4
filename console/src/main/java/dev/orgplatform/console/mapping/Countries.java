package dev.orgplatform.console.mapping;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** The countries a form offers (ISO 3166-1 alpha-2), by English name; and a code's name for a page. */
public final class Countries {

    /** One choice: its code and its name. */
    public record Choice(String code, String name) {
    }

    private static final List<Choice> ALL = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream()
            .map(code -> new Choice(code, nameOf(code))).sorted(Comparator.comparing(Choice::name)).toList();

    private Countries() {
    }

    public static List<Choice> all() {
        return ALL;
    }

    /** "Germany (DE)" for DE; the code itself when no name is known; empty for none. In a template: {@code {country:shown(code)}}. */
    @TemplateExtension(namespace = "country")
    public static String shown(Object code) {
        if (code == null || code.toString().isBlank()) {
            return "";
        }
        String name = nameOf(code.toString());
        return name.equals(code.toString()) ? name : name + " (" + code + ")";
    }

    private static String nameOf(String code) {
        return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }
}
