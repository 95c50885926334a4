package dev.orgplatform.user.membership;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.AttributeConverter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.platform.problem.ProblemException;

/**
 * How a person likes the console and other clients to look: a small document on their profile. Every field has a
 * default ({@link #DEFAULTS}); a change names only what it changes (null: as it was).
 */
public record UiPreferences(Theme theme, DateStyle dateFormat, TimeStyle timeFormat, View defaultView, List<Widget> dashboard) {

    public enum Theme { SYSTEM, LIGHT, DARK }

    /** ISO 2026-12-07, DMY 07.12.2026, MDY 12/07/2026. */
    public enum DateStyle { ISO, DMY, MDY }

    public enum TimeStyle { H24, H12 }

    /** The page a client opens first. */
    public enum View { ORGANIZATIONS, MEMBERS, TEAMS, USAGE, AUDIT }

    /** A dashboard's panels, in the order shown. */
    public enum Widget { MEMBERS, SEATS, INVITATIONS, USAGE, AUDIT, SECURITY }

    /** At most this many panels on a dashboard (each once: as many as there are). */
    public static final int MAX_WIDGETS = 6;

    public static final UiPreferences DEFAULTS = new UiPreferences(Theme.SYSTEM, DateStyle.ISO, TimeStyle.H24, View.ORGANIZATIONS,
            List.of(Widget.MEMBERS, Widget.SEATS, Widget.INVITATIONS));

    /** {@code current} (null: the defaults) with what {@code change} names; a panel listed twice is refused naming it. */
    public static UiPreferences merge(UiPreferences current, UiPreferences change) {
        UiPreferences base = current == null ? DEFAULTS : current;
        if (change == null) {
            return base;
        }
        if (change.dashboard() != null) {
            Set<Widget> seen = new HashSet<>();
            for (int i = 0; i < change.dashboard().size(); i++) {
                if (!seen.add(change.dashboard().get(i))) {
                    throw ProblemException.badField("preferences.dashboard[" + i + "]", "is listed twice");
                }
            }
        }
        return new UiPreferences(change.theme() != null ? change.theme() : base.theme(),
                change.dateFormat() != null ? change.dateFormat() : base.dateFormat(),
                change.timeFormat() != null ? change.timeFormat() : base.timeFormat(),
                change.defaultView() != null ? change.defaultView() : base.defaultView(),
                change.dashboard() != null ? List.copyOf(change.dashboard()) : base.dashboard());
    }

    /** Stored as its JSON; none stored reads as the defaults. */
    public static class Column implements AttributeConverter<UiPreferences, String> {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public String convertToDatabaseColumn(UiPreferences preferences) {
            try {
                return preferences == null ? null : JSON.writeValueAsString(preferences);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public UiPreferences convertToEntityAttribute(String column) {
            try {
                return column == null || column.isBlank() ? DEFAULTS : merge(DEFAULTS, JSON.readValue(column, UiPreferences.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable ui_preferences: " + column, e);
            }
        }
    }
}
