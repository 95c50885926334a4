package dev.orgplatform.user.membership.service;

import java.util.ArrayList;
import java.util.List;

import dev.orgplatform.user.membership.UiPreferences;
import dev.orgplatform.user.membership.UserProfile;

/**
 * What a user changes about themself; null fields stay as they are, a blank avatar URL removes it, {@code preferences}
 * changes only the preferences it names.
 */
public record ProfileChange(String name, String avatarUrl, String timezone, String language, UiPreferences preferences) {

    public boolean renames(UserProfile p) {
        return name != null && !name.equals(p.name);
    }

    /** Sets the fields that differ; emits their names (empty: nothing changed). */
    List<String> applyTo(UserProfile p) {
        List<String> changed = new ArrayList<>();
        if (renames(p)) {
            p.name = name;
            changed.add("name");
        }
        if (avatarUrl != null && !avatarUrl.equals(p.avatarUrl)) {
            p.avatarUrl = avatarUrl.isBlank() ? null : avatarUrl;
            changed.add("avatarUrl");
        }
        if (timezone != null && !timezone.equals(p.timezone)) {
            p.timezone = timezone;
            changed.add("timezone");
        }
        if (language != null && !language.equals(p.language)) {
            p.language = language;
            changed.add("language");
        }
        UiPreferences merged = UiPreferences.merge(p.preferences, preferences);
        if (!merged.equals(p.preferences)) {
            p.preferences = merged;
            changed.add("preferences");
        }
        return changed;
    }
}
