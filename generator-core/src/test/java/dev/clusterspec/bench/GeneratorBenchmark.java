package dev.clusterspec.bench;

import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.load.bundle.SecretsBundles;
import dev.clusterspec.generate.GenerateRequest;
import dev.clusterspec.generate.Generator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Prints in-process, warm timings of validate and generate for specs of 3, 30, 300 and 3,000
 * nodes: median of several runs after warm-up, ms per node, peak heap, and an incremental no-op
 * run. Not a test: run it with the command in the README and read the figures.
 */
public final class GeneratorBenchmark {

    private static final int WARMUP = 3;
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {3, 30, 300, 3000};
        Path work = Files.createTempDirectory("clusterspec-bench");
        Path bundle = work.resolve("talos-secrets.yaml");
        SecretsBundles.createIfAbsent(bundle);
        System.out.printf(Locale.ROOT, "clusterspec benchmark: %s %s, %d cores, max heap %d MiB, Java %s%n",
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%6s | %12s | %12s | %11s | %14s | %15s%n",
                "nodes", "validate ms", "generate ms", "ms per node", "peak heap MiB", "no-op rerun ms");
        for (int nodes : sizes) {
            Path spec = work.resolve("cluster-" + nodes + ".yaml");
            Files.writeString(spec, SyntheticSpecs.withNodes(nodes));
            Path out = work.resolve("out-" + nodes);
            GenerateRequest incremental = GenerateRequest.of(spec, bundle, out);
            GenerateRequest forced = incremental.withForce(true);

            double validate = median(() -> new SpecValidator().validate(spec));
            resetPeaks();
            double generate = median(() -> new Generator().generate(forced));
            long peak = peakHeap();
            double noop = median(() -> {
                if (!new Generator().generate(incremental).skipped()) {
                    throw new IllegalStateException("an unchanged rerun was not skipped");
                }
            });
            System.out.printf(Locale.ROOT, "%6d | %12.1f | %12.1f | %11.3f | %14d | %15.1f%n",
                    nodes, validate, generate, generate / nodes, peak / (1024 * 1024), noop);
        }
    }

    private static double median(ThrowingRunnable task) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            task.run();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            task.run();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        return ms.get(ms.size() / 2);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of what the runs held. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
