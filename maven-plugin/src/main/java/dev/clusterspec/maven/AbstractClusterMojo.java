package dev.clusterspec.maven;

import dev.clusterspec.UserError;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.check.SpecValidator;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: where the spec is, {@code cluster.skip}, and how the core's findings
 * become Maven output. Subclasses hand their parameters to {@link #parameters()}, which turns them
 * into the core's requests, and make one core call.
 */
abstract class AbstractClusterMojo extends AbstractMojo {

    /** The cluster spec to compile. */
    @Parameter(property = "cluster.spec", defaultValue = "${project.basedir}/cluster.yaml")
    protected File spec;

    /** Skip every clusterspec goal. */
    @Parameter(property = "cluster.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cluster:" + goal() + " skipped (cluster.skip=true)");
            return;
        }
        try {
            run();
        } catch (SpecProblemsException e) {
            report(e.diagnostics());
            long errors = e.diagnostics().stream().filter(Diagnostic::isError).count();
            throw new MojoFailureException(errors + (errors == 1 ? " error" : " errors") + " in " + spec
                    + "; each is listed above as file:line:col");
        } catch (UserInputException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof UserError) {
                throw new MojoFailureException(e.getMessage());
            }
            throw e;
        }
    }

    protected abstract String goal();

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** Validates the spec, printing its warnings; throws with every error at once. */
    protected SpecValidator.Validated validated() {
        SpecValidator.Validated result = new SpecValidator().validate(spec.toPath());
        report(result.warnings());
        return result;
    }

    /** This execution's parameters, starting with the spec; the goal adds the others it declares. */
    protected GoalParameters parameters() {
        return new GoalParameters(spec, new MavenBuildLog(getLog()));
    }

    protected void report(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                getLog().error(d.toString());
            } else {
                getLog().warn(d.toString());
            }
        }
    }

    /** A mistake in what the user asked for, reported as a build failure with its message only. */
    static final class UserInputException extends RuntimeException {
        UserInputException(String message) {
            super(message);
        }
    }
}
