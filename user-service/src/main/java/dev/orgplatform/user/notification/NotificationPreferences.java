package dev.orgplatform.user.notification;

import java.net.URI;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.AttributeConverter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgplatform.platform.problem.ProblemException;

/**
 * Which channels a person wants each category of notification on, and where the SMS and webhook channels reach them.
 * Unset categories keep their default ({@link #DEFAULTS}: email and the feed, deployments only in the feed); an empty
 * set silences a category. SMS needs a phone number (E.164) and a webhook an https address.
 */
public record NotificationPreferences(Map<NotificationCategory, Set<NotificationChannel>> channels, String phone, String webhookUrl) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public static final NotificationPreferences DEFAULTS = new NotificationPreferences(defaults(), null, null);

    public NotificationPreferences {
        Map<NotificationCategory, Set<NotificationChannel>> all = new EnumMap<>(NotificationCategory.class);
        all.putAll(defaults());
        if (channels != null) {
            channels.forEach((category, chosen) -> all.put(category, chosen == null || chosen.isEmpty()
                    ? EnumSet.noneOf(NotificationChannel.class) : EnumSet.copyOf(chosen)));
        }
        channels = Map.copyOf(all);
    }

    /** The channels of {@code category}. */
    public Set<NotificationChannel> channelsFor(NotificationCategory category) {
        return channels.get(category);
    }

    /**
     * {@code base} (null: the defaults) with what a change names: each category named is replaced (null or empty:
     * silenced), a phone or webhook named replaces the old one (an empty string removes it). Refused, naming the
     * field, when a chosen channel cannot reach the person.
     */
    public static NotificationPreferences change(Map<NotificationCategory, Set<NotificationChannel>> named, NotificationPreferences base,
            String phone, String webhookUrl) {
        Map<NotificationCategory, Set<NotificationChannel>> channels = new EnumMap<>(NotificationCategory.class);
        channels.putAll((base == null ? DEFAULTS : base).channels());
        if (named != null) {
            named.forEach((category, chosen) -> channels.put(category, chosen == null || chosen.isEmpty()
                    ? EnumSet.noneOf(NotificationChannel.class) : EnumSet.copyOf(chosen)));
        }
        NotificationPreferences current = base == null ? DEFAULTS : base;
        return validated(new NotificationPreferences(channels, pick(phone, current.phone()), pick(webhookUrl, current.webhookUrl())));
    }

    private static NotificationPreferences validated(NotificationPreferences p) {
        if (p.phone() != null && !E164.matcher(p.phone()).matches()) {
            throw ProblemException.badField("phone", "must be a phone number in E.164 form, such as +4915112345678");
        }
        if (p.webhookUrl() != null) {
            URI uri;
            try {
                uri = URI.create(p.webhookUrl());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("webhookUrl", "is not an address: " + e.getMessage());
            }
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw ProblemException.badField("webhookUrl", "must be an https address");
            }
        }
        for (Map.Entry<NotificationCategory, Set<NotificationChannel>> e : p.channels().entrySet()) {
            if (e.getValue().contains(NotificationChannel.SMS) && p.phone() == null) {
                throw ProblemException.badField("channels." + e.getKey(), "chooses SMS, which needs a phone number (phone)");
            }
            if (e.getValue().contains(NotificationChannel.WEBHOOK) && p.webhookUrl() == null) {
                throw ProblemException.badField("channels." + e.getKey(), "chooses WEBHOOK, which needs an address (webhookUrl)");
            }
        }
        return p;
    }

    /** null: keep; empty: remove; else the new value. */
    private static String pick(String change, String current) {
        if (change == null) {
            return current;
        }
        return change.isBlank() ? null : change.trim();
    }

    private static Map<NotificationCategory, Set<NotificationChannel>> defaults() {
        Map<NotificationCategory, Set<NotificationChannel>> d = new EnumMap<>(NotificationCategory.class);
        for (NotificationCategory c : NotificationCategory.values()) {
            d.put(c, c == NotificationCategory.DEPLOYMENTS ? EnumSet.of(NotificationChannel.IN_APP)
                    : EnumSet.of(NotificationChannel.EMAIL, NotificationChannel.IN_APP));
        }
        return d;
    }

    /** Stored as its JSON; none stored reads as the defaults. */
    public static class Column implements AttributeConverter<NotificationPreferences, String> {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public String convertToDatabaseColumn(NotificationPreferences preferences) {
            try {
                return preferences == null ? null : JSON.writeValueAsString(preferences);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public NotificationPreferences convertToEntityAttribute(String column) {
            try {
                return column == null || column.isBlank() ? DEFAULTS : JSON.readValue(column, NotificationPreferences.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable notification_preferences: " + column, e);
            }
        }
    }
}
