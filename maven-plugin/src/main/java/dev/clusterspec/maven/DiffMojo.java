package dev.clusterspec.maven;

import dev.clusterspec.diff.DiffReport;
import dev.clusterspec.diff.DiffSourceException;
import dev.clusterspec.generate.ChangePreview;
import dev.clusterspec.publish.PublishException;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Shows what would change, per object (kind/namespace/name) with a field-level unified diff:
 * the manifest repo against what is published ({@code -Dcluster.diff.against=published}, the
 * default), or every output, Talos configs included with secrets redacted, against a folder
 * ({@code -Dcluster.diff.against=target/cluster} for the last output). Coloured on a terminal,
 * plain in CI; {@code -Dcluster.diff.failOnChange} makes it a gate.
 */
@Mojo(name = "diff", threadSafe = true, requiresProject = false)
public class DiffMojo extends ManifestRepoMojo {

    /** {@code published}, or a folder of earlier output (e.g. target/cluster). */
    @Parameter(property = "cluster.diff.against", defaultValue = "published")
    protected String against;

    /** Fail the build when anything would change. */
    @Parameter(property = "cluster.diff.failOnChange", defaultValue = "false")
    protected boolean failOnChange;

    /** Colour the diff: auto (on a terminal, not in CI), always or never. */
    @Parameter(property = "cluster.diff.color", defaultValue = "auto")
    protected String color;

    /** The Talos secrets bundle, needed when comparing every output against a folder. */
    @Parameter(property = "cluster.secretsBundle", defaultValue = "${project.basedir}/secrets/talos-secrets.yaml")
    protected File secretsBundle;

    /**
     * An age identity file (AGE-SECRET-KEY-1..., as age-keygen writes it) that decrypts {@code *.age}
     * secrets and an encrypted bundle, tried with those in SOPS_AGE_KEY_FILE and SOPS_AGE_KEY.
     */
    @Parameter(property = "cluster.ageIdentity")
    protected File ageIdentity;

    /** Where the fresh output for a folder comparison is generated. */
    @Parameter(defaultValue = "${project.build.directory}/cluster-diff", readonly = true)
    protected File previewDirectory;

    @javax.inject.Inject
    public DiffMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected String goal() {
        return "diff";
    }

    @Override
    protected void run() throws MojoFailureException {
        GoalParameters parameters = manifestRepoParameters().secretsBundle(secretsBundle).ageIdentity(ageIdentity);
        DiffReport report;
        try {
            if ("published".equals(against)) {
                boolean dryRun = true; // diff only reads the published repo
                report = ChangePreview.againstPublished(parameters.releaseRequest(workDirectory, dryRun));
            } else {
                File folder = parameters.besideSpec(against);
                if (!folder.isDirectory()) {
                    throw new UserInputException("nothing to compare with: " + folder + " is not a folder (run cluster:generate first,"
                            + " or use -Dcluster.diff.against=published)");
                }
                report = ChangePreview.againstFolder(parameters.generateRequest(previewDirectory).withForce(true), folder.toPath());
            }
        } catch (PublishException e) {
            throw new MojoFailureException("cannot read the published manifest repo: " + e.getMessage());
        } catch (DiffSourceException e) {
            throw new UserInputException(e.getMessage());
        }
        report.render(useColor()).lines().forEach(getLog()::info);
        if (failOnChange && report.hasChanges()) {
            throw new MojoFailureException("changes pending (" + report.summary() + ") and cluster.diff.failOnChange is set");
        }
    }

    private boolean useColor() {
        return switch (color) {
            case "always" -> true;
            case "never" -> false;
            default -> System.console() != null && System.getenv("CI") == null && !"dumb".equals(System.getenv("TERM"));
        };
    }
}
