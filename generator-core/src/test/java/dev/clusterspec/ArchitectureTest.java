package dev.clusterspec;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The pipeline's direction, enforced: each stage uses only the stages before it, so a change flows
 * one way and no package needs another that needs it back. docs/architecture.md walks through the
 * stages; a failure here names the class and the dependency that broke the order.
 */
@AnalyzeClasses(packages = "dev.clusterspec", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Shared building blocks that know nothing of the cluster pipeline: YAML (written, and read with positions), hashing, the patch engine, the policy model, the secret patterns. */
    private static final String[] BASE = {"dev.clusterspec", "dev.clusterspec.configpatch..", "dev.clusterspec.connectivity..",
            "dev.clusterspec.secretscan..", "dev.clusterspec.yaml.."};

    @ArchTest
    static final ArchRule stagesDependOnlyOnEarlierStages = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("base").definedBy(BASE)
            .layer("spec").definedBy("dev.clusterspec.spec..")
            .layer("load").definedBy("dev.clusterspec.load..")
            .layer("check").definedBy("dev.clusterspec.check..")
            .layer("plan").definedBy("dev.clusterspec.plan..")
            .layer("emit").definedBy("dev.clusterspec.emit..")
            .layer("verify").definedBy("dev.clusterspec.verify..")
            .layer("write").definedBy("dev.clusterspec.write..")
            .layer("diff").definedBy("dev.clusterspec.diff..")
            .layer("publish").definedBy("dev.clusterspec.publish..")
            .layer("pipeline").definedBy("dev.clusterspec.generate..")
            .whereLayer("base").mayOnlyAccessLayers("base")
            .whereLayer("spec").mayOnlyAccessLayers("base")
            .whereLayer("load").mayOnlyAccessLayers("base", "spec")
            .whereLayer("check").mayOnlyAccessLayers("base", "spec", "load")
            .whereLayer("plan").mayOnlyAccessLayers("base", "spec", "load")
            .whereLayer("emit").mayOnlyAccessLayers("base", "spec", "load", "plan")
            .whereLayer("verify").mayOnlyAccessLayers("base", "spec", "load", "plan", "emit")
            .whereLayer("write").mayOnlyAccessLayers("base", "emit")
            .whereLayer("diff").mayOnlyAccessLayers("base", "emit")
            .whereLayer("publish").mayOnlyAccessLayers("base")
            .whereLayer("pipeline").mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.clusterspec.(**)").should().beFreeOfCycles();
}
