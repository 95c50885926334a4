package dev.orgplatform.cli.command;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

import picocli.CommandLine.Option;

/** {@code --limit} and {@code --cursor} of a listing, and its query string. */
public class PageOptions {

    @Option(names = "--limit", defaultValue = "50", description = "at most this many (default: 50)")
    int limit;

    @Option(names = "--cursor", description = "where the previous page ended (printed after it)")
    String cursor;

    /** {@code ?filter=value&...&limit=N[&cursor=C]}; null filters are left out. */
    String query(Map<String, String> filters) {
        StringJoiner q = new StringJoiner("&", "?", "");
        filters.forEach((k, v) -> {
            if (v != null) {
                q.add(k + "=" + encode(v));
            }
        });
        q.add("limit=" + limit);
        if (cursor != null) {
            q.add("cursor=" + encode(cursor));
        }
        return q.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
