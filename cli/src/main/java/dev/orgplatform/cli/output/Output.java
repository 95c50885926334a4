package dev.orgplatform.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A readable table (the default) or the API's JSON as it came ({@code --output json}), for scripts. */
public final class Output {

    public enum Format { table, json }

    /** A table column: its header and where its value is (a JSON pointer, e.g. {@code /name}). */
    public record Column(String header, String pointer) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintWriter out;
    private final Format format;

    public Output(PrintWriter out, Format format) {
        this.out = out;
        this.format = format;
    }

    public boolean json() {
        return format == Format.json;
    }

    /** An object or a list of them: a table of {@code columns}, or the JSON. */
    public void print(JsonNode node, Column... columns) {
        if (json()) {
            json(node);
            return;
        }
        List<JsonNode> rows = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(rows::add);
        } else if (node != null) {
            rows.add(node);
        }
        table(rows, columns);
    }

    /** One object as "field: value" lines (or the JSON). */
    public void details(JsonNode node, Column... fields) {
        if (json()) {
            json(node);
            return;
        }
        int width = 0;
        for (Column c : fields) {
            width = Math.max(width, c.header().length());
        }
        for (Column c : fields) {
            out.println(pad(c.header() + ":", width + 1) + " " + text(node.at(c.pointer())));
        }
        out.flush();
    }

    /** A sentence for people; in JSON mode {@code result} is printed instead (when there is one). */
    public void say(String sentence, JsonNode result) {
        if (json()) {
            if (result != null) {
                json(result);
            }
        } else {
            out.println(sentence);
            out.flush();
        }
    }

    public void json(JsonNode node) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node == null ? JSON.nullNode() : node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    private void table(List<JsonNode> rows, Column... columns) {
        int[] width = new int[columns.length];
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            width[i] = columns[i].header().length();
        }
        for (JsonNode row : rows) {
            String[] line = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                line[i] = text(row.at(columns[i].pointer()));
                width[i] = Math.max(width[i], line[i].length());
            }
            cells.add(line);
        }
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            header.append(pad(columns[i].header(), width[i])).append(i < columns.length - 1 ? "  " : "");
        }
        out.println(header.toString().stripTrailing());
        for (String[] line : cells) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                b.append(pad(line[i], width[i])).append(i < line.length - 1 ? "  " : "");
            }
            out.println(b.toString().stripTrailing());
        }
        if (rows.isEmpty()) {
            out.println("(none)");
        }
        out.flush();
    }

    static String text(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "-";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(e.isObject() ? e.path("name").asText(e.toString()) : e.asText()));
            return parts.isEmpty() ? "-" : String.join(",", parts);
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
