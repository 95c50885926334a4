package dev.orgplatform.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks probes continuously from a thread of its own while a test breaks things, tallying every answer, and keeps
 * each "allowed" answer: a watch over a decision that must never be taken.
 */
final class Watch implements AutoCloseable {

    private final List<Probe> probes;
    private final Map<String, AtomicLong> tally = new ConcurrentHashMap<>();
    private final List<Http.Answer> allowed = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    Watch(List<Probe> probes) {
        this.probes = probes;
        this.thread = new Thread(this::run, "watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            for (Probe p : probes) {
                Http.Answer a = p.call().get();
                String outcome = p.allowed().test(a) ? "ALLOWED" : p.refused().test(a) ? "refused" : "status " + a.status();
                tally.computeIfAbsent(p.name() + ": " + outcome, k -> new AtomicLong()).incrementAndGet();
                if (p.allowed().test(a)) {
                    synchronized (allowed) {
                        allowed.add(a);
                    }
                }
            }
        }
    }

    /** How often {@code probe} answered "refused" so far. */
    long refusals(String probe) {
        AtomicLong n = tally.get(probe + ": refused");
        return n == null ? 0 : n.get();
    }

    List<Http.Answer> allowed() {
        synchronized (allowed) {
            return List.copyOf(allowed);
        }
    }

    /** Every outcome per probe with its count, sorted. */
    String summary() {
        Map<String, Long> sorted = new TreeMap<>();
        tally.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted.toString();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(60_000);
    }
}
