package dev.clusterspec.bench;

import dev.clusterspec.Examples;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.generate.GenerateRequest;
import dev.clusterspec.generate.Generator;
import dev.clusterspec.load.bundle.SecretsBundles;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Prints in-process, warm timings: the bundled example (forced generate, unchanged rerun, validate)
 * and synthetic specs of 30 to 10,000 nodes (validate, generate, ms per node, the live heap, the
 * unchanged rerun). Not a test: run it with the command in the README and read the figures.
 *
 * <p>The live heap is what a generate keeps reachable: one more forced run, during which the heap is
 * collected in full every 50 ms and measured right after; the largest of those. Pool peaks would
 * count garbage too.
 */
public final class GeneratorBenchmark {

    private static final String EXAMPLE = "oci-free-tier";
    /**
     * Runs before the first figures: after 10 the median was still twice the one after 200. The JIT is
     * not done at 200 either: a run calls thousands of methods a few times each, and the optimising
     * compiler keeps at them for another thousand runs and more (the JIT share beside each median),
     * hence the second forced figure.
     */
    private static final int EXAMPLE_WARMUP = 200;
    /** Forced runs before the second forced figure, the first ones included. */
    private static final int EXAMPLE_SETTLED = 2_000;
    /** On a 2-core VM one run differs from the next by up to a third: many runs for a steady median. */
    private static final int EXAMPLE_RUNS = 101;
    private static final int WARMUP = 2;
    private static final int RUNS = 5;
    /** Sizes run once: enough to show they complete and how the time grows. */
    private static final int SINGLE_RUN_FROM = 10_000;

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? Stream.of(args).mapToInt(Integer::parseInt).toArray() : new int[] {30, 300, 3_000, 10_000};
        Path work = Files.createTempDirectory("clusterspec-bench");
        Path bundle = work.resolve("talos-secrets.yaml");
        SecretsBundles.createIfAbsent(bundle);
        System.out.printf(Locale.ROOT, "clusterspec benchmark: %s %s, %d cores, max heap %d MiB, Java %s%n",
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"));

        Path example = Examples.spec(EXAMPLE);
        GenerateRequest forced = GenerateRequest.of(example, bundle, work.resolve("example")).withForce(true);
        GenerateRequest rerun = GenerateRequest.of(example, bundle, work.resolve("example"));
        System.out.printf(Locale.ROOT, "%nexample %s, median of %d after %d warm-up runs (10%% of runs faster than p10, 10%% slower than p90;"
                + " JIT: the compilers' time during the timed runs, against their duration):%n", EXAMPLE, EXAMPLE_RUNS, EXAMPLE_WARMUP);
        System.out.printf(Locale.ROOT, "  generate (forced)  %s%n", times(EXAMPLE_WARMUP, EXAMPLE_RUNS, () -> new Generator().generate(forced)));
        System.out.printf(Locale.ROOT, "    after %,d runs   %s%n", EXAMPLE_SETTLED,
                times(EXAMPLE_SETTLED - EXAMPLE_WARMUP - EXAMPLE_RUNS, EXAMPLE_RUNS, () -> new Generator().generate(forced)));
        System.out.printf(Locale.ROOT, "  unchanged rerun    %s%n", times(EXAMPLE_WARMUP, EXAMPLE_RUNS, () -> skipped(rerun)));
        System.out.printf(Locale.ROOT, "  validate           %s%n", times(EXAMPLE_WARMUP, EXAMPLE_RUNS, () -> new SpecValidator().validate(example)));

        System.out.printf(Locale.ROOT, "%nsynthetic specs, median of %d after %d warm-up runs (%,d nodes and more: one run):%n",
                RUNS, WARMUP, SINGLE_RUN_FROM);
        System.out.printf(Locale.ROOT, "%7s | %12s | %12s | %11s | %14s | %15s%n",
                "nodes", "validate ms", "generate ms", "ms per node", "live heap MiB", "no-op rerun ms");
        for (int nodes : sizes) {
            Path spec = work.resolve("cluster-" + nodes + ".yaml");
            Files.writeString(spec, SyntheticSpecs.withNodes(nodes));
            Path out = work.resolve("out-" + nodes);
            GenerateRequest sizedForced = GenerateRequest.of(spec, bundle, out).withForce(true);
            GenerateRequest sizedRerun = GenerateRequest.of(spec, bundle, out);
            boolean once = nodes >= SINGLE_RUN_FROM;
            int warmup = once ? 0 : WARMUP;
            int runs = once ? 1 : RUNS;

            double validate = median(warmup, runs, () -> new SpecValidator().validate(spec));
            double generate = median(warmup, runs, () -> new Generator().generate(sizedForced));
            long live = liveHeap(() -> new Generator().generate(sizedForced));
            double noop = median(warmup, runs, () -> skipped(sizedRerun));
            System.out.printf(Locale.ROOT, "%,7d | %12.1f | %12.1f | %11.3f | %14d | %15.2f%n",
                    nodes, validate, generate, generate / nodes, live / (1024 * 1024), noop);
        }
    }

    private static void skipped(GenerateRequest request) {
        if (!new Generator().generate(request).skipped()) {
            throw new IllegalStateException("an unchanged rerun was not skipped");
        }
    }

    private static double median(int warmup, int runs, ThrowingRunnable task) throws Exception {
        warmUp(warmup, task);
        List<Double> ms = sortedMillis(runs, task);
        return ms.get(ms.size() / 2);
    }

    /** {@code 29.84 ms (p10 21.14, p90 35.20; JIT 104%)} */
    private static String times(int warmup, int runs, ThrowingRunnable task) throws Exception {
        warmUp(warmup, task);
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long compiledBefore = jit.getTotalCompilationTime();
        long start = System.nanoTime();
        List<Double> ms = sortedMillis(runs, task);
        double wallMs = (System.nanoTime() - start) / 1e6;
        return String.format(Locale.ROOT, "%8.2f ms (p10 %.2f, p90 %.2f; JIT %.0f%%)", ms.get(ms.size() / 2), ms.get(ms.size() / 10),
                ms.get(ms.size() * 9 / 10), 100 * (jit.getTotalCompilationTime() - compiledBefore) / wallMs);
    }

    private static void warmUp(int runs, ThrowingRunnable task) throws Exception {
        for (int i = 0; i < runs; i++) {
            task.run();
        }
    }

    private static List<Double> sortedMillis(int runs, ThrowingRunnable task) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.run();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        return ms;
    }

    /** The most the heap holds after a full collection while {@code task} runs on another thread. */
    private static long liveHeap(ThrowingRunnable task) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                task.run();
            } catch (Exception e) {
                failure.set(e);
            }
        });
        long most = 0;
        run.start();
        while (run.isAlive()) {
            System.gc();
            most = Math.max(most, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            run.join(50);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return most;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
