package dev.orgplatform.deploy.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs {@code n} calls at once, for tests of what must hold under concurrency. */
public final class Concurrently {

    private Concurrently() {
    }

    /** The results in call order; the first failure is rethrown once every call ended. */
    public static <T> List<T> run(int n, IntFunction<T> call) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 32));
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(() -> call.apply(index));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
