package dev.clusterspec.verify;

import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.Diagnostic.Severity;
import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.connectivity.ConnectivityResult;
import dev.clusterspec.connectivity.ReachabilityAssertion;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.load.SourceMap;
import dev.clusterspec.spec.ReachabilityAssertion.Expect;
import java.util.ArrayList;
import java.util.List;

/**
 * The spec's "namespace a must (not) reach namespace b" assertions, checked against what the
 * generated policies allow. A violated assertion is an error located at the assertion.
 */
public final class ConnectivityAssertions {

    private ConnectivityAssertions() {}

    public static List<String> check(LoadedSpec loaded, ConnectivityResult connectivity) {
        List<Diagnostic> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        var assertions = loaded.spec().assertions();
        for (int i = 0; i < assertions.size(); i++) {
            var a = assertions.get(i);
            var check = new ReachabilityAssertion(a.from(), a.to(), a.expect() == Expect.ALLOWED);
            List<String> violations = connectivity.violations(List.of(check));
            if (violations.isEmpty()) {
                notes.add("assertion holds: " + a.from() + (a.expect() == Expect.ALLOWED ? " reaches " : " cannot reach ") + a.to());
            } else {
                String pointer = "/assertions/" + i;
                SourceMap.Position at = loaded.sourceMap().valueAt(pointer);
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
