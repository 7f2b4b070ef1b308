package dev.clusterspec.maven;

import dev.clusterspec.emit.talos.secrets.SecretsBundleCreation;
import dev.clusterspec.emit.talos.secrets.SecretsBundles;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates the Talos secrets bundle (CAs, keys, tokens) once, in the format of
 * {@code talosctl gen secrets}, with owner-only permissions. An existing bundle is never
 * overwritten: it is checked and kept. Keep the bundle out of Git.
 */
@Mojo(name = "secrets", threadSafe = true, requiresProject = false)
public class SecretsMojo extends AbstractClusterMojo {

    /** The Talos secrets bundle; made by this goal or by {@code talosctl gen secrets}. */
    @Parameter(property = "cluster.secretsBundle", defaultValue = "${project.basedir}/secrets/talos-secrets.yaml")
    protected File secretsBundle;

    @Override
    protected String goal() {
        return "secrets";
    }

    @Override
    protected void run() {
        SecretsBundleCreation creation = SecretsBundles.createIfAbsent(secretsBundle.toPath());
        getLog().info(creation.message());
    }
}
