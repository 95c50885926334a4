package dev.orgplatform.user.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.user.membership.UiPreferences.DateStyle;
import dev.orgplatform.user.membership.UiPreferences.Theme;
import dev.orgplatform.user.membership.UiPreferences.Widget;

class UiPreferencesTest {

    @Test
    void aChangeChangesOnlyWhatItNamesAndNoneStoredIsTheDefaults() {
        UiPreferences dark = UiPreferences.merge(null, new UiPreferences(Theme.DARK, null, null, null, null));
        assertEquals(Theme.DARK, dark.theme());
        assertEquals(UiPreferences.DEFAULTS.dashboard(), dark.dashboard());
        UiPreferences dated = UiPreferences.merge(dark, new UiPreferences(null, DateStyle.DMY, null, null, List.of(Widget.AUDIT)));
        assertEquals(Theme.DARK, dated.theme(), "kept");
        assertEquals(DateStyle.DMY, dated.dateFormat());
        assertEquals(List.of(Widget.AUDIT), dated.dashboard());
        assertEquals(dated, UiPreferences.merge(dated, null));
    }

    @Test
    void aPanelListedTwiceIsRefusedNamingItsPlace() {
        ProblemException e = assertThrows(ProblemException.class, () -> UiPreferences.merge(null,
                new UiPreferences(null, null, null, null, List.of(Widget.SEATS, Widget.AUDIT, Widget.SEATS))));
        assertEquals("preferences.dashboard[2]", e.errors().get(0).field());
        assertEquals(Widget.values().length, UiPreferences.MAX_WIDGETS, "each panel at most once");
    }

    @Test
    void storedAsJsonAndReadBack() {
        UiPreferences.Column column = new UiPreferences.Column();
        UiPreferences p = UiPreferences.merge(null, new UiPreferences(Theme.LIGHT, DateStyle.MDY, UiPreferences.TimeStyle.H12,
                UiPreferences.View.AUDIT, List.of(Widget.USAGE, Widget.SECURITY)));
        assertEquals(p, column.convertToEntityAttribute(column.convertToDatabaseColumn(p)));
        assertEquals(UiPreferences.DEFAULTS, column.convertToEntityAttribute(null));
        assertNull(column.convertToDatabaseColumn(null));
    }
}
