package dev.orgplatform.user.membership.service;

import java.util.ArrayList;
import java.util.List;

import dev.orgplatform.user.membership.UserProfile;

/** What a user changes about themself; null fields stay as they are, a blank avatar URL removes it. */
public record ProfileChange(String name, String avatarUrl, String timezone, String language) {

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
        return changed;
    }
}
