package dev.orgplatform.user.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.orgplatform.platform.problem.ProblemException;

class NotificationPreferencesTest {

    @Test
    void everyCategoryHasADefaultAndAChangeReplacesOnlyWhatItNames() {
        assertEquals(EnumSet.of(NotificationChannel.EMAIL, NotificationChannel.IN_APP),
                NotificationPreferences.DEFAULTS.channelsFor(NotificationCategory.SECURITY));
        assertEquals(EnumSet.of(NotificationChannel.IN_APP), NotificationPreferences.DEFAULTS.channelsFor(NotificationCategory.DEPLOYMENTS));
        NotificationPreferences changed = NotificationPreferences.change(Map.of(NotificationCategory.BILLING, Set.of()), null, null, null);
        assertTrue(changed.channelsFor(NotificationCategory.BILLING).isEmpty(), "an empty set silences a category");
        assertEquals(NotificationPreferences.DEFAULTS.channelsFor(NotificationCategory.MEMBERSHIP),
                changed.channelsFor(NotificationCategory.MEMBERSHIP), "others keep theirs");
        NotificationPreferences again = NotificationPreferences.change(Map.of(NotificationCategory.MEMBERSHIP,
                Set.of(NotificationChannel.IN_APP)), changed, null, null);
        assertTrue(again.channelsFor(NotificationCategory.BILLING).isEmpty(), "an earlier change stays");
    }

    @Test
    void smsNeedsAPhoneAndAWebhookAnHttpsAddress() {
        ProblemException sms = assertThrows(ProblemException.class, () -> NotificationPreferences.change(
                Map.of(NotificationCategory.SECURITY, Set.of(NotificationChannel.SMS)), null, null, null));
        assertEquals("channels.SECURITY", sms.errors().get(0).field());
        NotificationPreferences withPhone = NotificationPreferences.change(Map.of(NotificationCategory.SECURITY,
                Set.of(NotificationChannel.SMS)), null, "+4915112345678", null);
        assertEquals("+4915112345678", withPhone.phone());
        assertEquals("channels.SECURITY", assertThrows(ProblemException.class,
                () -> NotificationPreferences.change(Map.of(), withPhone, "", null)).errors().get(0).field(), "the phone SMS needs stays");
        assertEquals("phone", assertThrows(ProblemException.class,
                () -> NotificationPreferences.change(Map.of(), null, "0151 123", null)).errors().get(0).field());
        assertEquals("webhookUrl", assertThrows(ProblemException.class,
                () -> NotificationPreferences.change(Map.of(), null, null, "http://hooks.example.com")).errors().get(0).field());
        NotificationPreferences emailOnly = NotificationPreferences.change(Map.of(NotificationCategory.SECURITY,
                Set.of(NotificationChannel.EMAIL)), withPhone, null, null);
        assertNull(NotificationPreferences.change(Map.of(), emailOnly, "", null).phone(), "removed once nothing needs it");
    }

    @Test
    void storedAsJsonAndReadBack() {
        NotificationPreferences.Column column = new NotificationPreferences.Column();
        NotificationPreferences p = NotificationPreferences.change(Map.of(NotificationCategory.BILLING, Set.of()), null, null,
                "https://hooks.example.com/me");
        NotificationPreferences read = column.convertToEntityAttribute(column.convertToDatabaseColumn(p));
        assertEquals(p.channels(), read.channels());
        assertEquals("https://hooks.example.com/me", read.webhookUrl());
        assertEquals(NotificationPreferences.DEFAULTS.channels(), column.convertToEntityAttribute(null).channels());
    }
}
