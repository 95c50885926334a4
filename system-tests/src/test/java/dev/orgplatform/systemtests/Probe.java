package dev.orgplatform.systemtests;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One question asked of one instance again and again (a page with a member's token, a key on an endpoint, the
 * check), with what counts as "allowed" and as "refused" for it; anything else (a 503, no answer) is neither.
 */
record Probe(String name, Supplier<Http.Answer> call, Predicate<Http.Answer> allowed, Predicate<Http.Answer> refused) {

    /** A 2xx answer is allowed, one of {@code refusals} refused. */
    static Probe ofStatus(String name, Supplier<Http.Answer> call, Integer... refusals) {
        List<Integer> refusing = List.of(refusals);
        return new Probe(name, call, Http.Answer::ok, a -> refusing.contains(a.status()));
    }

    /** An answer of status {@code allowing} is allowed (an operation let through the gate and refused later), one of {@code refusals} refused. */
    static Probe answering(String name, Supplier<Http.Answer> call, int allowing, Integer... refusals) {
        List<Integer> refusing = List.of(refusals);
        return new Probe(name, call, a -> a.status() == allowing, a -> refusing.contains(a.status()));
    }

    /** The authorization check: a 200 decision, allowed or not. */
    static Probe ofCheck(String name, Supplier<Http.Answer> call) {
        return new Probe(name, call, a -> a.status() == 200 && a.body().contains("\"allowed\":true"),
                a -> a.status() == 200 && a.body().contains("\"allowed\":false"));
    }

    /** The authorization check where a view that cannot show it is current must fail closed: a 503 counts as refused. */
    static Probe ofCheckFailingClosed(String name, Supplier<Http.Answer> call) {
        return new Probe(name, call, a -> a.status() == 200 && a.body().contains("\"allowed\":true"),
                a -> a.status() == 503 || a.status() == 200 && a.body().contains("\"allowed\":false"));
    }

    /**
     * Polls every probe in turn from {@code since} until each has refused, then each for {@code settle} more, and
     * answers how long each took to refuse after {@code since} (nanoseconds). Fails if one is still not refusing after
     * {@code bound}, or answers "allowed" again once it has refused: an older fact winning over a newer one.
     */
    static Map<String, Long> timeToRefusal(long since, List<Probe> probes, Duration bound, Duration settle) {
        Map<String, Long> refusedAfter = new LinkedHashMap<>();
        Map<String, Http.Answer> last = new LinkedHashMap<>();
        long deadline = since + bound.toNanos();
        while (refusedAfter.size() < probes.size()) {
            for (Probe p : probes) {
                if (refusedAfter.containsKey(p.name())) {
                    continue;
                }
                Http.Answer a = p.call().get();
                last.put(p.name(), a);
                if (p.refused().test(a)) {
                    refusedAfter.put(p.name(), a.answeredNanos() - since);
                }
            }
            if (System.nanoTime() > deadline && refusedAfter.size() < probes.size()) {
                throw new AssertionError("not refused within " + bound + "; last answers: " + last);
            }
        }
        long settled = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < settled) {
            for (Probe p : probes) {
                Http.Answer a = p.call().get();
                if (p.allowed().test(a)) {
                    throw new AssertionError(p.name() + " allowed again after it had refused: " + a);
                }
            }
        }
        return refusedAfter;
    }
}
