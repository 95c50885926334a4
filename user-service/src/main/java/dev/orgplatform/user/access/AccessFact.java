package dev.orgplatform.user.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One row of a table the check or the key verification rests on, as {@code to_jsonb} writes it (in the change
 * feed, and when the view is loaded): its kind names the table, its key names the fact it states.
 */
public record AccessFact(String kind, JsonObject row) {

    public static final String MEMBERSHIP = "membership";
    public static final String SUSPENSION = "suspension";
    public static final String MEMBER_SUSPENSION = "member_suspension";
    public static final String PRODUCT_PERMISSION = "product_permission";
    public static final String ORGANIZATION = "organization";
    public static final String API_KEY = "api_key";

    /**
     * Which fact this row states: versions are kept per key. A membership is its organization and user (not its
     * row id: a member removed and invited again is the same fact), a product grant one permission of one member.
     */
    public String key() {
        return switch (kind) {
            case MEMBERSHIP -> "m/" + row.getString("organization_id") + "/" + row.getString("user_id");
            case SUSPENSION -> "s/" + row.getString("id");
            case MEMBER_SUSPENSION -> "ms/" + row.getString("organization_id") + "/" + row.getString("user_id");
            case PRODUCT_PERMISSION -> "p/" + row.getString("organization_id") + "/" + row.getString("user_id") + "/"
                    + row.getString("product_id") + "/" + row.getString("permission");
            case ORGANIZATION -> "o/" + row.getString("id");
            case API_KEY -> "k/" + row.getString("id");
            default -> kind + "/" + row.getString("id");
        };
    }

    public UUID uuid(String column) {
        String value = row.getString(column);
        return value == null ? null : UUID.fromString(value);
    }

    public String string(String column) {
        return row.getString(column);
    }

    public boolean flag(String column) {
        return Boolean.TRUE.equals(row.getBoolean(column));
    }

    public Instant instant(String column) {
        String value = row.getString(column);
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }

    /** A number column, or null. */
    public Integer integer(String column) {
        return row.getInteger(column);
    }

    public List<String> strings(String column) {
        JsonArray values = row.getJsonArray(column);
        return values == null ? List.of() : values.stream().map(String::valueOf).toList();
    }
}
