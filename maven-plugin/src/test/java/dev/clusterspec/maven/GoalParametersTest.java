package dev.clusterspec.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.BuildLog;
import dev.clusterspec.generate.GenerateRequest;
import dev.clusterspec.generate.ManifestRepoRelease;
import dev.clusterspec.load.age.AgeRecipient;
import dev.clusterspec.publish.Credentials;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A goal's parameters become the core's requests the same way for every goal that has them. */
class GoalParametersTest {

    private static final File SPEC = new File("/projects/home/cluster.yaml");
    private static final File BUNDLE = new File("/projects/home/secrets/talos-secrets.yaml");
    private static final BuildLog LOG = BuildLog.silent();

    private static GoalParameters parameters() {
        return new GoalParameters(SPEC, LOG);
    }

    @Test
    void everyGivenParameterReachesTheGenerateRequest() {
        GenerateRequest request = parameters().secretsBundle(BUNDLE).catalogMirror(new File("/mirror")).schemas(new File("/schemas"))
                .ageIdentity(new File("/keys/age.txt")).generateRequest(new File("/projects/home/target/cluster"));

        assertThat(request.specFile()).isEqualTo(Path.of("/projects/home/cluster.yaml"));
        assertThat(request.secretsBundle()).isEqualTo(BUNDLE.toPath());
        assertThat(request.outputDir()).isEqualTo(Path.of("/projects/home/target/cluster"));
        assertThat(request.catalogMirrorIfAny()).hasValue(Path.of("/mirror"));
        assertThat(request.schemasIfAny()).hasValue(Path.of("/schemas"));
        assertThat(request.ageKeys().identityFile()).isEqualTo(Path.of("/keys/age.txt"));
        assertThat(request.log()).isSameAs(LOG);
        assertThat(request.force()).as("forcing is the goal's own choice").isFalse();
    }

    @Test
    void optionalParametersMavenLeftUnsetAreAbsent() {
        GenerateRequest request = parameters().secretsBundle(BUNDLE).catalogMirror(null).schemas(null).ageIdentity(null)
                .generateRequest(new File("/out"));

        assertThat(request.catalogMirrorIfAny()).isEmpty();
        assertThat(request.schemasIfAny()).isEmpty();
        assertThat(request.ageKeys().identityFile()).isNull();
    }

    @Test
    void theReleaseRequestCarriesTheMirrorTheCredentialsAndTheDryRun() {
        Function<String, Credentials> credentials = id -> Credentials.of("ci", "token-for-" + id);
        ManifestRepoRelease.Request request = parameters().catalogMirror(new File("/mirror"))
                .manifestRepo("https://example.org/r.git", credentials).releaseRequest(new File("/work"), true);

        assertThat(request.specFile()).isEqualTo(SPEC.toPath());
        assertThat(request.workDir()).isEqualTo(Path.of("/work"));
        assertThat(request.catalogMirror()).hasValue(Path.of("/mirror"));
        assertThat(request.remoteUrlOverride()).hasValue("https://example.org/r.git");
        assertThat(request.credentialsFor()).isSameAs(credentials);
        assertThat(request.dryRun()).isTrue();
        assertThat(request.log()).isSameAs(LOG);
    }

    @Test
    void aPlainPathIsALocalRepositoryBesideTheSpec() {
        assertThat(remoteUrl("remote.git")).hasValue("file:/projects/home/remote.git");
        assertThat(remoteUrl("/elsewhere/remote.git")).hasValue("file:/elsewhere/remote.git");
        assertThat(remoteUrl("https://example.org/r.git")).hasValue("https://example.org/r.git");
        assertThat(remoteUrl(null)).isEmpty();
    }

    private static java.util.Optional<String> remoteUrl(String url) {
        return parameters().manifestRepo(url, id -> null).releaseRequest(new File("/work"), false).remoteUrlOverride();
    }

    @Test
    void aRelativePathIsReadFromTheSpecsFolder() {
        assertThat(parameters().besideSpec("target/cluster")).isEqualTo(new File("/projects/home/target/cluster"));
        assertThat(parameters().besideSpec("/tmp/earlier")).isEqualTo(new File("/tmp/earlier"));
    }

    @Test
    void theRecipientsGivenAreParsedHereAndABadOneIsNamedByItsProperty() {
        String alice = "age1e04k0d666ymxg6zngf3h97meuyuzany0fze50mqhmzdxv9x4dezqytgpg8";
        String bob = "age19wxc8urx7f97nnlkd5w7tkuj3qqhhplx2w7fkg2gr3p9sxautaesp3crlk";

        assertThat(parameters().ageRecipients(alice + ", " + bob).ageRecipients()).extracting(AgeRecipient::value)
                .containsExactly(alice, bob);
        assertThat(parameters().ageRecipients(null).ageRecipients()).as("none given: the spec's are used").isEmpty();
        assertThatThrownBy(() -> parameters().ageRecipients("age1notakey").ageRecipients())
                .hasMessageStartingWith("cluster.ageRecipients (value 1 of 1): ");
    }

    @Test
    void aGoalAskingForARequestWithoutItsParametersIsABug() {
        assertThatThrownBy(() -> parameters().generateRequest(new File("/out")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("secretsBundle");
        assertThatThrownBy(() -> parameters().releaseRequest(new File("/work"), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("manifestRepo");
    }
}
