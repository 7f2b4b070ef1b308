package dev.clusterspec.maven;

import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.SecretResolver;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks {@code cluster.yaml} against its schema and the semantic rules (address plan, names,
 * references, OCI quotas, topology, versions), and that every secret reference can be read now
 * (the file inside the spec's folder, the environment variable set), and reports every problem at
 * once as {@code file:line:col: message}. Writes nothing.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = false)
public class ValidateMojo extends AbstractClusterMojo {

    @Override
    protected String goal() {
        return "validate";
    }

    @Override
    protected void run() {
        long start = System.nanoTime();
        SpecValidator.Validated result = new SpecValidator().validateWithSecrets(spec.toPath(),
                loaded -> SecretResolver.forSpec(loaded.file()));
        report(result.warnings());
        ClusterSpec s = result.loaded().spec();
        getLog().info(String.format("%s is valid: cluster %s, %d nodes (%d control planes), %d services, %d warning(s) [%d ms]",
                spec.getName(), s.name(), s.nodes().size(), s.controlPlanes().size(), s.services().size(),
                result.warnings().size(), (System.nanoTime() - start) / 1_000_000));
    }
}
