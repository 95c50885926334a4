package dev.orgplatform.user.membership.mapping;

import dev.orgplatform.user.membership.UiPreferences;
import dev.orgplatform.user.membership.UserProfile;
import dev.orgplatform.user.membership.rest.ProfileResponse;
import dev.orgplatform.user.membership.rest.ProfileUpdate;
import dev.orgplatform.user.membership.service.ProfileChange;

public final class ProfileMapper {

    private ProfileMapper() {
    }

    public static ProfileResponse toResponse(UserProfile p) {
        return new ProfileResponse(p.id, p.email, p.name, p.avatarUrl, p.timezone, p.language,
                p.preferences == null ? UiPreferences.DEFAULTS : p.preferences, p.status, p.statusReason,
                p.createdAt, p.lastLoginAt);
    }

    /** The change of a validated update ({@code email} is refused before). */
    public static ProfileChange toChange(ProfileUpdate update) {
        ProfileUpdate.Preferences asked = update.preferences();
        return new ProfileChange(update.name(), update.avatarUrl(), update.timezone(), update.language(), asked == null ? null
                : new UiPreferences(asked.theme(), asked.dateFormat(), asked.timeFormat(), asked.defaultView(), asked.dashboard()));
    }
}
