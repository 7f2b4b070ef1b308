package dev.clusterspec.maven;

import dev.clusterspec.generate.ManifestRepoRelease;
import dev.clusterspec.publish.PublishException;
import dev.clusterspec.publish.PublishResult;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Commits the manifest repo to Git and pushes it (what CI runs). It needs only the Git
 * credentials: from the settings.xml {@code <server>} named by the spec's
 * {@code manifestRepo.serverId} (decrypted as Maven does), or from an environment variable.
 * Commits only when something changed; refuses anything that looks like a secret.
 */
@Mojo(name = "publish", threadSafe = true, requiresProject = false)
public class PublishMojo extends AbstractClusterMojo {

    private final SettingsDecrypter decrypter;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    /** settings.xml server id holding the Git credentials; defaults to the spec's manifestRepo.serverId. */
    @Parameter(property = "cluster.publish.serverId")
    protected String serverId;

    /** Environment variable with the Git token, used when settings.xml has no such server. */
    @Parameter(property = "cluster.publish.tokenEnv", defaultValue = "CLUSTER_GIT_TOKEN")
    protected String tokenEnv;

    /** User name sent with a token from the environment (GitHub accepts any; GitLab wants oauth2). */
    @Parameter(property = "cluster.publish.username", defaultValue = "x-access-token")
    protected String username;

    /** Push somewhere other than manifestRepo.url (e.g. a fork, a test server, or a local path). */
    @Parameter(property = "cluster.publish.url")
    protected String url;

    /** Show what would be committed, and commit and push nothing. */
    @Parameter(property = "cluster.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /** Working copies of the manifest repo. */
    @Parameter(property = "cluster.publish.workDirectory", defaultValue = "${project.build.directory}/cluster-publish")
    protected File workDirectory;

    /** As for cluster:generate: a local copy of the catalog's third-party files to mirror. */
    @Parameter(property = "cluster.catalogMirror")
    protected File catalogMirror;

    @Inject
    public PublishMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    protected String goal() {
        return "publish";
    }

    @Override
    protected void run() throws MojoFailureException {
        PublishResult result;
        try {
            result = new ManifestRepoRelease().publish(parameters().catalogMirror(catalogMirror)
                    .manifestRepo(url, new GitCredentialsProvider(settings, decrypter, serverId, tokenEnv, username, getLog())::credentials)
                    .releaseRequest(workDirectory, dryRun));
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
