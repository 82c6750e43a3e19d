package org.povlake.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent Spark work concurrently from one driver (each task its own Delta commits; Spark
 * shares the cores). Every task is waited for — a running commit is never interrupted — and the
 * first failure is rethrown.
 */
public final class Parallel {
    private Parallel() {}

    public static void runAll(String threadName, int threads, List<Runnable> tasks) {
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, threadName);
                            t.setDaemon(true);
                            return t;
                        });
        try {
            List<Future<?>> running = new ArrayList<>();
            tasks.forEach(t -> running.add(pool.submit(t)));
            RuntimeException failure = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure =
                                e.getCause() instanceof RuntimeException re
                                        ? re
                                        : new IllegalStateException(
                                                e.getCause().getMessage(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
