package dev.clusterspec.verify;

import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.Diagnostic.Severity;
import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.connectivity.ConnectivityResult;
import dev.clusterspec.connectivity.ReachabilityAssertion;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.ReachabilityAssertion.Expect;
import dev.clusterspec.yaml.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * The spec's "namespace a must (not) reach namespace b" assertions, checked against what the
 * generated policies allow. A violated assertion is an error located at the assertion.
 */
public final class ConnectivityAssertions {

    private ConnectivityAssertions() {}

    /** The spec's assertions as the analyser takes them. */
    public static List<ReachabilityAssertion> of(ClusterSpec spec) {
        return spec.assertions().stream().map(ConnectivityAssertions::asAnalysed).toList();
    }

    private static ReachabilityAssertion asAnalysed(dev.clusterspec.spec.ReachabilityAssertion a) {
        return new ReachabilityAssertion(a.from(), a.to(), a.expect() == Expect.ALLOWED);
    }

    /** Notes on the assertions that hold; throws with every violated one, located at its assertion. */
    public static List<String> check(LoadedSpec loaded, ConnectivityResult connectivity) {
        List<Diagnostic> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        var assertions = loaded.spec().assertions();
        for (int i = 0; i < assertions.size(); i++) {
            var a = assertions.get(i);
            List<String> violations = connectivity.violations(List.of(asAnalysed(a)));
            if (violations.isEmpty()) {
                notes.add("assertion holds: " + a.from() + (a.expect() == Expect.ALLOWED ? " reaches " : " cannot reach ") + a.to());
            } else {
                String pointer = "/assertions/" + i;
                Position at = loaded.sourceMap().valueAt(pointer);
                for (String v : violations) {
                    errors.add(new Diagnostic(Severity.ERROR, loaded.sourceMap().file(), at.line(), at.column(), pointer,
                            "connectivity assertion violated: " + v));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new SpecProblemsException(errors);
        }
        return notes;
    }
}
