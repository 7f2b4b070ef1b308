package dev.clusterspec.connectivity;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Prints how long the analyser takes on synthetic clusters (not a test: timings depend on the
 * machine). Run with the test classpath: {@code java ... ConnectivityBenchmark [workloads policies namespaces]}.
 */
public final class ConnectivityBenchmark {
    private ConnectivityBenchmark() {
    }

    public static void main(String[] args) {
        int workloads = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int policies = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int namespaces = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String yaml = String.join("---\n", SyntheticCluster.generate(42, namespaces, workloads, policies));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 5; round++) {
            long t0 = System.nanoTime();
            List<KubeObject> objects = KubeObjectReader.readString("synthetic.yaml", yaml).objects();
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            ConnectivityResult result = ConnectivityAnalyzer.analyze(objects);
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            long restricted = result.connections().stream().filter(c -> !c.connections().isAll()).count();
            // CPU time is reported too because wall time suffers on a shared machine
            System.out.printf("round %d: %d workloads, %d policies: read %d ms, analyse %d ms wall / %d ms cpu, "
                            + "%d connections (%d restricted)%n",
                    round, result.workloads().size(), result.policyCount(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (c2 - c1) / 1_000_000, result.connections().size(), restricted);
        }
    }
}
