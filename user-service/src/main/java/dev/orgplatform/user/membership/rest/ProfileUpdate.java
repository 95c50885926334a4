package dev.orgplatform.user.membership.rest;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.orgplatform.platform.problem.ProblemException;
import dev.orgplatform.user.membership.UiPreferences;

/** What a user may change about themself; absent fields stay as they are. {@code email} is the login identity: immutable. */
public record ProfileUpdate(
        @Size(min = 1, max = 200) String name,
        @Size(max = 2000) @Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http(s) URL") String avatarUrl,
        @Size(max = 64) String timezone,
        @Size(max = 35) String language,
        @Size(max = 320) String email,
        @Valid Preferences preferences) {

    /** The UI preferences to change; absent ones stay as they are. {@code dashboard}: its panels in order, each once. */
    public record Preferences(UiPreferences.Theme theme, UiPreferences.DateStyle dateFormat, UiPreferences.TimeStyle timeFormat,
            UiPreferences.View defaultView, @Size(max = UiPreferences.MAX_WIDGETS) List<UiPreferences.@NotNull Widget> dashboard) {
    }

    /** The checks bean validation cannot express; each refusal names its field. */
    public ProfileUpdate validated() {
        if (email != null) {
            throw ProblemException.badField("email", "is the login identity and cannot be changed");
        }
        if (timezone != null) {
            try {
                ZoneId.of(timezone);
            } catch (DateTimeException e) {
                throw ProblemException.badField("timezone", "must be a time zone id such as Europe/Berlin");
            }
        }
        if (language != null) {
            try {
                Locale tag = new Locale.Builder().setLanguageTag(language).build();
                if (tag.getLanguage().isEmpty()) {
                    throw new IllformedLocaleException("no language");
                }
            } catch (IllformedLocaleException e) {
                throw ProblemException.badField("language", "must be a BCP 47 language tag such as en-GB");
            }
        }
        return this;
    }
}
