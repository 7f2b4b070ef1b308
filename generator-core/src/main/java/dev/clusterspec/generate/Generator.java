package dev.clusterspec.generate;

import dev.clusterspec.BuildLog;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.emit.firewall.FirewallEmitters;
import dev.clusterspec.emit.hostnet.HostNetworkEmitter;
import dev.clusterspec.emit.image.TalosImageEmitter;
import dev.clusterspec.emit.proxmox.ProxmoxGuestsEmitter;
import dev.clusterspec.emit.oci.BastionNsgEmitter;
import dev.clusterspec.emit.bastion.SshConfigEmitter;
import dev.clusterspec.emit.oci.OciTerraformEmitters;
import dev.clusterspec.emit.manifests.InlineManifest;
import dev.clusterspec.emit.manifests.ManifestRepoIndex;
import dev.clusterspec.emit.manifests.ManifestRepoContent;
import dev.clusterspec.emit.report.ReportEmitter;
import dev.clusterspec.emit.report.ReportInputs;
import dev.clusterspec.emit.talos.TalosEmitter;
import dev.clusterspec.load.patches.TalosPatches;
import dev.clusterspec.load.bundle.SecretsBundle;
import dev.clusterspec.load.bundle.SecretsBundleFile;
import dev.clusterspec.load.bundle.TalosCertificates;
import dev.clusterspec.load.manifests.UserManifests;
import dev.clusterspec.verify.ManifestRepoSecretGuard;
import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.spec.SpecFolder;
import dev.clusterspec.load.age.AgeDecryptor;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.FirewallPlan;
import dev.clusterspec.load.SecretResolver;
import dev.clusterspec.write.OutputIndex;
import dev.clusterspec.write.OutputWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import dev.clusterspec.verify.OutputSchemaCheck;
import dev.clusterspec.verify.ConnectivityAssertions;

/**
 * The compiler's driver: validate, plan, emit every target, verify, write. The manifest repo and
 * the host and cloud firewalls are built from the spec alone (their emitters are given no secret);
 * the bundle and the secret references feed only the input fingerprint and the Talos configs.
 */
public final class Generator {

    public GenerateResult generate(GenerateRequest request) {
        Optional<OutputIndex> previous = request.force() ? Optional.empty() : OutputIndex.read(request.outputDir());
        Optional<InputRecord> recorded = previous.flatMap(p -> InputRecord.fromJson(p.inputs()));
        if (recorded.isPresent() && recorded.get().unchanged(request, System::getenv) && previous.get().matches(request.outputDir())) {
            // the same bytes in, the same outputs on disk: nothing to parse, decrypt or sign
            return new GenerateResult(true, List.of(), recorded.get().warnings(), List.of());
        }

        SpecValidator.Validated validated = new SpecValidator().validate(request.specFile());
        LoadedSpec loaded = validated.loaded();
        AgeDecryptor age = SecretResolver.decryptor(loaded.spec(), request.ageKeys());
        SecretResolver secrets = SecretResolver.forSpec(request.specFile(), age);
        SecretsBundleFile.Loaded bundleFile = SecretsBundleFile.read(request.secretsBundle(), age);
        bundleFile.note().ifPresent(request.log()::warn);
        // as the run starts, beside it: an input edited while the run generates counts as changed next time
        EarlyWork<InputRecord.Sources> sources = EarlyWork.start(() -> InputRecord.Sources.read(request, loaded, System::getenv));

        String fingerprint = fingerprint(request, loaded, secrets, bundleFile);
        if (recorded.isPresent() && previous.get().fingerprint().equals(fingerprint)
                && recorded.get().certificate().contains(request.clock().instant()) && previous.get().matches(request.outputDir())) {
            // other bytes with the same content, such as a secret encrypted again
            return new GenerateResult(true, List.of(), validated.warnings(), List.of());
        }
        EarlyWork<SecretsBundle> bundle = EarlyWork.start(bundleFile::bundle);
        return bundle.before(() -> {
            ClusterPlan plan = ClusterPlan.of(loaded, validated.talosPatches(), validated.userManifests());
            FirewallPlan firewall = FirewallPlan.of(plan);
            firewall.warnings().forEach(request.log()::warn);
            ManifestRepoBuild repo = ManifestRepoBuild.of(plan, firewall, request.catalogMirrorIfAny());
            EarlyWork<Void> guard = EarlyWork.start(() -> ManifestRepoSecretGuard.refuseSecrets(repo.content().files()));
            return guard.before(() -> {
                List<String> notes = new ArrayList<>(ConnectivityAssertions.check(loaded, repo.connectivity()));
                List<OutputFile> files = emit(request, validated, secrets, bundle.get(), plan, firewall, repo);
                verify(request, plan, files, notes);
                notes.add("manifest repo (bytes, how Talos gets each file):");
                ManifestRepoIndex.summary(repo.content()).lines().forEach(line -> notes.add("  " + line));
                guard.get();
                InputRecord inputs = sources.get().record(TalosCertificates.sameCertificateWindow(bundle.get(), request.clock()),
                        validated.warnings());
                OutputWriter.replace(request.outputDir(), files, OutputIndex.PATH, OutputIndex.of(fingerprint, inputs.toJson(), files).toJson());
                return new GenerateResult(false, files, validated.warnings(), notes);
            });
        });
    }

    /** Every output, sorted by path; the manifest repo and the firewalls from the spec alone. */
    private static List<OutputFile> emit(GenerateRequest request, SpecValidator.Validated validated, SecretResolver secrets,
                                         SecretsBundle bundle, ClusterPlan plan, FirewallPlan firewall, ManifestRepoBuild repo) {
        BuildLog log = request.log();
        log.info(ManifestRepoIndex.counts(repo.content()));
        List<OutputFile> files = new ArrayList<>(repo.filesUnder("manifest-repo/"));
        files.addAll(FirewallEmitters.emit(firewall));
        List<OutputFile> oci = OciTerraformEmitters.emit(plan);
        if (!oci.isEmpty()) {
            log.info("oci: Terraform for " + plan.nodes().size() + " instance(s), the API load balancer"
                    + (oci.stream().anyMatch(f -> f.path().equals(dev.clusterspec.emit.oci.CcmIamEmitter.PATH)) ? " and the CCM's identity" : ""));
        }
        files.addAll(oci);
        log.info("firewall: OCI security lists, Proxmox and nftables files for " + plan.spec().proxmoxIfAny().map(p -> p.hosts().size()).orElse(0) + " host(s)");
        files.addAll(HostNetworkEmitter.emit(plan));
        files.addAll(TalosImageEmitter.emit(plan));
        files.addAll(ProxmoxGuestsEmitter.emit(plan));
        files.addAll(BastionNsgEmitter.emit(plan));
        files.addAll(SshConfigEmitter.emit(plan));

        List<InlineManifest> secretInline = Components.secretManifests(plan, secrets);
        List<OutputFile> talos = new TalosEmitter(request.clock()).emit(plan, firewall, bundle, repo.content(), secretInline, secrets);
        files.addAll(talos);
        log.info("talos: configs for " + plan.nodes().size() + " node(s) and a talosconfig");

        files.add(repo.connectivityList());
        files.addAll(ReportEmitter.emit(new ReportInputs(plan, validated.warnings(), firewall, repo.connectivity(), repo.content(),
                List.of(), List.of(), plan.userManifests().files()).withTalosConfigs(talos)
                .withTalosPatches(plan.talosPatches().uses(plan.nodes()))));
        files.sort(Comparator.comparing(OutputFile::path));
        return files;
    }

    /** With {@code -Dcluster.schemas}: every generated document against the upstream schemas. */
    private static void verify(GenerateRequest request, ClusterPlan plan, List<OutputFile> files, List<String> notes) {
        request.schemasIfAny().ifPresent(schemas -> {
            // the generated documents first: when they do not match, the schema folder itself is the likelier problem
            OutputSchemaCheck.verify(schemas, files);
            OutputSchemaCheck.verifyUserManifests(schemas, plan.userManifests()).forEach(w -> {
                request.log().warn(w.toString());
                notes.add(w.toString());
            });
            notes.add("every generated manifest and Talos document matches the schemas in " + schemas);
        });
    }

    /**
     * Everything the outputs depend on, with secrets and the bundle by their plain content; the
     * talosconfig certificate's validity window is checked beside it ({@link InputRecord}).
     */
    private static String fingerprint(GenerateRequest request, LoadedSpec loaded, SecretResolver secrets,
                                      SecretsBundleFile.Loaded bundleFile) {
        InputFingerprint fingerprint = new InputFingerprint();
        // a patch file is an input like the spec: editing it must regenerate the configs
        for (Path patch : TalosPatches.files(loaded)) {
            fingerprint.addFile("talos patch " + SpecFolder.of(loaded.file()).root().relativize(patch), patch);
        }
        // likewise the user's manifests: an edited, added or removed file changes the repo and the configs
        UserManifests.inputFiles(loaded).forEach((name, file) -> fingerprint.addFile("user manifest " + name, file));
        return fingerprint
                .add("spec", loaded.sha256())
                // by the plain content: an encrypted bundle's bytes change each time it is encrypted again
                .add("bundle", bundleFile.contentSha256())
                .addSecrets(loaded.spec(), secrets)
                .addGeneratorCode()
                .addOptions(request)
                .value();
    }
}
