package dev.clusterspec.check;

import dev.clusterspec.load.LoadedSpec;
import java.util.Comparator;
import java.util.List;

/** Runs every semantic rule and returns all findings at once, in file order. */
public final class SemanticChecks {

    private static final List<SpecCheck> CHECKS = List.of(
            new IdentityCheck(),
            new ReferenceCheck(),
            new AddressPlanCheck(),
            new ControlPlaneCheck(),
            new OciTierCheck(),
            new A1ComputeCheck(),
            new TopologyCheck(),
            new VersionCheck(),
            new AddonCheck(),
            new FirewallCheck());

    private SemanticChecks() {}

    public static List<Diagnostic> run(LoadedSpec loaded) {
        CheckContext context = new CheckContext(loaded);
        for (SpecCheck check : CHECKS) {
            check.check(context);
        }
        return context.diagnostics().stream()
                .sorted(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column)
                        .thenComparing(Diagnostic::message))
                .toList();
    }
}
