package dev.clusterspec.check;

import dev.clusterspec.load.LoadedSpec;
import java.util.Comparator;
import java.util.List;
import dev.clusterspec.load.Diagnostic;

/** Runs every semantic rule and returns all findings at once, in file order (the spec's, then files it names). */
public final class SemanticChecks {

    private static final List<SpecCheck> CHECKS = List.of(
            new IdentityCheck(),
            new ReferenceCheck(),
            new AddressPlanCheck(),
            new HostNetworkCheck(),
            new GuestsCheck(),
            new ControlPlaneCheck(),
            new ApiEndpointCheck(),
            new InstanceNameCheck(),
            new OciTierCheck(),
            new A1ComputeCheck(),
            new TopologyCheck(),
            new VersionCheck(),
            new AddonCheck(),
            new FirewallCheck(),
            new AgeRecipientCheck(),
            new TalosPatchCheck(),
            new ExtraManifestCheck(),
            new UserManifestCheck());

    private SemanticChecks() {}

    /** The rules plus checks that need more than the spec (such as reading its secrets). */
    static List<Diagnostic> run(CheckContext context, List<SpecCheck> more) {
        LoadedSpec loaded = context.loaded();
        for (SpecCheck check : CHECKS) {
            check.check(context);
        }
        for (SpecCheck check : more) {
            check.check(context);
        }
        return context.diagnostics().stream()
                .sorted(Comparator.comparing((Diagnostic d) -> !d.file().equals(loaded.sourceMap().file()))
                        .thenComparing(Diagnostic::file).thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column)
                        .thenComparing(Diagnostic::message))
                .toList();
    }
}
