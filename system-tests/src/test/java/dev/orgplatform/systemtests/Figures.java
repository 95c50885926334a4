package dev.orgplatform.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Named samples of milliseconds, printed as p50/max: what the tests report instead of asserting on time. */
final class Figures {

    private final String title;
    private final Map<String, List<Double>> samples = new LinkedHashMap<>();

    Figures(String title) {
        this.title = title;
    }

    synchronized void add(String name, long nanos) {
        samples.computeIfAbsent(name, n -> new ArrayList<>()).add(nanos / 1e6);
    }

    synchronized void print() {
        StringBuilder out = new StringBuilder("FIGURES " + title + "\n");
        samples.forEach((name, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            out.append(String.format(Locale.ROOT, "  %-60s n=%d p50=%.0f ms max=%.0f ms%n", name, sorted.size(),
                    sorted.get((sorted.size() - 1) / 2), sorted.get(sorted.size() - 1)));
        });
        System.out.print(out);
    }

    static void line(String text) {
        System.out.println("FIGURES " + text);
    }
}
