package dev.clusterspec.generate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A step started on another thread before the steps that do not need it, so that both use the
 * machine's cores. Its outcome is as if it had run in line: its result where it is needed, and its
 * failure reported in preference to a failure of anything that came after it.
 */
final class EarlyWork<T> {

    private final CompletableFuture<T> future;

    private EarlyWork(CompletableFuture<T> future) {
        this.future = future;
    }

    static <T> EarlyWork<T> start(Supplier<T> step) {
        return new EarlyWork<>(CompletableFuture.supplyAsync(step));
    }

    static EarlyWork<Void> start(Runnable step) {
        return new EarlyWork<>(CompletableFuture.runAsync(step));
    }

    /** Its result, once it is done; its failure as it was thrown. */
    T get() {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Runs the steps that would have followed it in line; if both fail, its failure is the one thrown. */
    <R> R before(Supplier<R> following) {
        try {
            return following.get();
        } catch (RuntimeException | Error e) {
            get();
            throw e;
        }
    }
}
