package dev.clusterspec.maven;

import dev.clusterspec.generate.ManifestRepoRelease;
import dev.clusterspec.publish.PublishException;
import dev.clusterspec.publish.PublishResult;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Commits the manifest repo to Git and pushes it (what CI runs). It needs only the Git
 * credentials: from the settings.xml {@code <server>} named by the spec's
 * {@code manifestRepo.serverId} (decrypted as Maven does), or from an environment variable.
 * Commits only when something changed; refuses anything that looks like a secret.
 */
@Mojo(name = "publish", threadSafe = true, requiresProject = false)
public class PublishMojo extends ManifestRepoMojo {

    /** Show what would be committed, and commit and push nothing. */
    @Parameter(property = "cluster.dryRun", defaultValue = "false")
    protected boolean dryRun;

    @Inject
    public PublishMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected String goal() {
        return "publish";
    }

    @Override
    protected void run() throws MojoFailureException {
        PublishResult result;
        try {
            result = new ManifestRepoRelease().publish(manifestRepoParameters().releaseRequest(workDirectory, dryRun));
        } catch (PublishException e) {
            throw new MojoFailureException("publish failed: " + e.getMessage());
        }
        if (result.dryRun()) {
            getLog().info("dry run: would commit " + result.summary());
            result.added().forEach(p -> getLog().info("  + " + p));
            result.changed().forEach(p -> getLog().info("  ~ " + p));
            result.removed().forEach(p -> getLog().info("  - " + p));
        } else if (result.commitId().isPresent()) {
            getLog().info("published " + result.commitId().get() + ": " + result.summary() + (result.attempts() > 1
                    ? " after " + result.attempts() + " attempts (the remote had moved)" : ""));
        } else {
            getLog().info("manifest repo unchanged: nothing to commit");
        }
    }
}
