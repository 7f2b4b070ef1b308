package dev.clusterspec.maven;

import dev.clusterspec.connectivity.ConnectivityAnalyzer;
import dev.clusterspec.connectivity.ConnectivityResult;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Computes which workloads can reach which, on which ports, from the NetworkPolicies and
 * CiliumNetworkPolicies of a folder of Kubernetes YAML (Pods, Deployments, StatefulSets,
 * DaemonSets, Namespaces, policies): by default the generated manifest repo, or any folder.
 * Prints one line per allowed connection and writes {@code connectivity.txt} and {@code .md}.
 */
@Mojo(name = "connectivity", threadSafe = true, requiresProject = false)
public class ConnectivityMojo extends AbstractClusterMojo {

    /** The folder of Kubernetes manifests to analyse. */
    @Parameter(property = "cluster.manifests", defaultValue = "${project.build.directory}/cluster/manifest-repo")
    protected File manifests;

    /** Where connectivity.txt and connectivity.md are written. */
    @Parameter(property = "cluster.connectivity.output", defaultValue = "${project.build.directory}/connectivity")
    protected File output;

    @Override
    protected String goal() {
        return "connectivity";
    }

    @Override
    protected void run() throws MojoExecutionException {
        if (!manifests.isDirectory()) {
            throw new UserInputException("no manifest folder at " + manifests
                    + ": run cluster:generate first, or point -Dcluster.manifests at a folder of Kubernetes YAML");
        }
        ConnectivityResult result = ConnectivityAnalyzer.analyzeDirectory(manifests.toPath());
        result.warnings().forEach(getLog()::warn);
        String text = result.toText();
        text.lines().forEach(getLog()::info);
        try {
            Files.createDirectories(output.toPath());
            Files.writeString(output.toPath().resolve("connectivity.txt"), text, StandardCharsets.UTF_8);
            Files.writeString(output.toPath().resolve("connectivity.md"), result.toMarkdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + output + ": " + e.getMessage(), e);
        }
        getLog().info(result.connections().size() + " allowed connection(s) between " + result.workloads().size()
                + " workload(s) under " + result.policyCount() + " polic(ies); written to " + output);
    }
}
