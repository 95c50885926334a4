package dev.orgplatform.console.rest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Times on pages, in the person's own timezone: {@code {zoned:local(value, zone)}} (Qute has a "time" namespace of its own). */
@TemplateExtension(namespace = "zoned")
public final class TimeFormat {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private TimeFormat() {
    }

    static String local(Object instant, String zone) {
        if (instant == null) {
            return "";
        }
        try {
            ZoneId id = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone);
            return FORMAT.format(Instant.parse(instant.toString()).atZone(id)) + " " + id.getId();
        } catch (DateTimeException e) {
            return instant.toString();
        }
    }
}
