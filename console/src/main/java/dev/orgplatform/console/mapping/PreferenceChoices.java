package dev.orgplatform.console.mapping;

import java.util.List;

/** The UI preferences the profile form offers, as user-service names them and as a person reads them. */
public final class PreferenceChoices {

    /** One preference: its field in the profile's {@code preferences}, its label and its choices. */
    public record Choice(String name, String label, List<Option> options) {
    }

    public record Option(String value, String label) {
    }

    private static final List<Choice> ALL = List.of(
            new Choice("theme", "Colour theme", List.of(new Option("SYSTEM", "As the system"), new Option("LIGHT", "Light"),
                    new Option("DARK", "Dark"))),
            new Choice("dateFormat", "Dates", List.of(new Option("ISO", "2026-12-07"), new Option("DMY", "07.12.2026"),
                    new Option("MDY", "12/07/2026"))),
            new Choice("timeFormat", "Times", List.of(new Option("H24", "17:30"), new Option("H12", "5:30 PM"))),
            new Choice("defaultView", "First page", List.of(new Option("ORGANIZATIONS", "Organizations"), new Option("MEMBERS", "Members"),
                    new Option("TEAMS", "Teams"), new Option("USAGE", "Usage"), new Option("AUDIT", "Audit log"))));

    private PreferenceChoices() {
    }

    public static List<Choice> all() {
        return ALL;
    }
}
