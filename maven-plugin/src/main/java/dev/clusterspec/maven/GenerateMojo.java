package dev.clusterspec.maven;

import dev.clusterspec.generate.GenerateRequest;
import dev.clusterspec.generate.GenerateResult;
import dev.clusterspec.generate.Generator;
import java.io.File;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles {@code cluster.yaml} into {@code target/cluster/}: Talos configs and talosconfig,
 * the manifest repo, host nftables and Proxmox firewall files, OCI security lists and the reports.
 * The output is replaced whole or not at all, and the run is skipped when no input changed.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true, requiresProject = false)
public class GenerateMojo extends AbstractClusterMojo {

    /**
     * The Talos secrets bundle (from cluster:secrets or talosctl gen secrets). When it does not exist
     * but the same path with .age appended does, that age-encrypted bundle is decrypted in memory.
     */
    @Parameter(property = "cluster.secretsBundle", defaultValue = "${project.basedir}/secrets/talos-secrets.yaml")
    protected File secretsBundle;

    /** Where the outputs go. */
    @Parameter(property = "cluster.outputDirectory", defaultValue = "${project.build.directory}/cluster")
    protected File outputDirectory;

    /** Generate even when no input changed since the last run. */
    @Parameter(property = "cluster.force", defaultValue = "false")
    protected boolean force;

    /**
     * A folder holding the version catalog's third-party files (the Tailscale CRDs) to mirror into
     * the manifest repo; without it, Talos fetches them from their pinned upstream URLs.
     */
    @Parameter(property = "cluster.catalogMirror")
    protected File catalogMirror;

    /**
     * A folder of upstream schemas (k8s-schemas/&lt;version&gt;-standalone-strict, k8s-schemas/crds,
     * talos/config.schema.json) to check every generated document against before writing.
     */
    @Parameter(property = "cluster.schemas")
    protected File schemas;

    /**
     * An age identity file (AGE-SECRET-KEY-1..., as age-keygen writes it) that decrypts {@code *.age}
     * secrets and an encrypted bundle, tried with those in SOPS_AGE_KEY_FILE and SOPS_AGE_KEY.
     */
    @Parameter(property = "cluster.ageIdentity")
    protected File ageIdentity;

    @Override
    protected String goal() {
        return "generate";
    }

    @Override
    protected void run() {
        long start = System.nanoTime();
        GenerateRequest request = parameters().secretsBundle(secretsBundle).catalogMirror(catalogMirror).schemas(schemas)
                .ageIdentity(ageIdentity).generateRequest(outputDirectory).withForce(force);
        GenerateResult result = new Generator().generate(request);
        report(result.warnings());
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (result.skipped()) {
            getLog().info("cluster:generate skipped: spec, secrets, templates and plugin are unchanged since the last run"
                    + " (-Dcluster.force=true regenerates) [" + ms + " ms]");
            return;
        }
        getLog().info("Generated " + result.files().size() + " files into " + outputDirectory + " [" + ms + " ms]:");
        for (Map.Entry<String, long[]> e : result.totalsByTarget().entrySet()) {
            getLog().info(String.format("  %-14s %4d file(s) %,10d bytes", e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        result.notes().forEach(n -> getLog().info("  " + n));
        getLog().info("Talos configs and talosconfig hold secrets: apply them, never commit them. Open report/index.html for the overview.");
    }
}
