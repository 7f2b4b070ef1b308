package dev.clusterspec.maven;

import java.io.File;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What the goals that reach the published manifest repo (publish, and diff against it) share: where
 * it is, its Git credentials (a {@link GitCredentialsProvider} composed from these parameters), the
 * working copies, and the catalog mirror the repo is built with. Each goal adds its own parameters.
 */
abstract class ManifestRepoMojo extends AbstractClusterMojo {

    private final SettingsDecrypter decrypter;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    /** The manifest repo's Git URL, when it is not manifestRepo.url (a fork, a test server, or a local path). */
    @Parameter(property = "cluster.publish.url")
    protected String url;

    /** settings.xml server id holding the Git credentials; defaults to the spec's manifestRepo.serverId. */
    @Parameter(property = "cluster.publish.serverId")
    protected String serverId;

    /** Environment variable with a Git token, used when settings.xml has no such server. */
    @Parameter(property = "cluster.publish.tokenEnv", defaultValue = "CLUSTER_GIT_TOKEN")
    protected String tokenEnv;

    /** User name sent with a token from the environment (GitHub accepts any; GitLab wants oauth2). */
    @Parameter(property = "cluster.publish.username", defaultValue = "x-access-token")
    protected String username;

    /** Working copies of the manifest repo (shared by cluster:publish and cluster:diff). */
    @Parameter(property = "cluster.publish.workDirectory", defaultValue = "${project.build.directory}/cluster-publish")
    protected File workDirectory;

    /** As for cluster:generate: a local copy of the catalog's third-party files to mirror. */
    @Parameter(property = "cluster.catalogMirror")
    protected File catalogMirror;

    @Inject
    protected ManifestRepoMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /** The parameters with the manifest repo's URL and credentials. */
    protected GoalParameters manifestRepoParameters() {
        return parameters().catalogMirror(catalogMirror)
                .manifestRepo(url, new GitCredentialsProvider(settings, decrypter, serverId, tokenEnv, username, getLog())::credentials);
    }
}
