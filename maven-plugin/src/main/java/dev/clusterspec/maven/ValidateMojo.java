package dev.clusterspec.maven;

import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.load.SecretResolver;
import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks {@code cluster.yaml} against its schema and the semantic rules (address plan, names,
 * references, OCI quotas, topology, versions), and that every secret reference can be read now
 * (the file inside the spec's folder, the environment variable set, an age file decryptable), and
 * reports every problem at
 * once as {@code file:line:col: message}. Writes nothing.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = false)
public class ValidateMojo extends AbstractClusterMojo {

    /**
     * An age identity file (AGE-SECRET-KEY-1..., as age-keygen writes it) that decrypts {@code *.age}
     * secrets and an encrypted bundle, tried with those in SOPS_AGE_KEY_FILE and SOPS_AGE_KEY.
     */
    @Parameter(property = "cluster.ageIdentity")
    protected File ageIdentity;

    @Override
    protected String goal() {
        return "validate";
    }

    @Override
    protected void run() {
        long start = System.nanoTime();
        GoalParameters parameters = parameters().ageIdentity(ageIdentity);
        SpecValidator.Validated result = new SpecValidator().validateWithSecrets(parameters.specFile(),
                loaded -> SecretResolver.forSpec(loaded.file(), SecretResolver.decryptor(loaded.spec(), parameters.ageKeys())));
        report(result.warnings());
        ClusterSpec s = result.loaded().spec();
        getLog().info(String.format("%s is valid: cluster %s, %d nodes (%d control planes), %d services, %d warning(s) [%d ms]",
                spec.getName(), s.name(), s.nodes().size(), s.controlPlanes().size(), s.services().size(),
                result.warnings().size(), (System.nanoTime() - start) / 1_000_000));
    }
}
