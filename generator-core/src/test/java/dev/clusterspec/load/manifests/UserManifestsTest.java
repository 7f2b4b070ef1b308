package dev.clusterspec.load.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clusterspec.ExampleCopy;
import dev.clusterspec.load.Diagnostic;
import dev.clusterspec.load.SpecProblemsException;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.emit.AddonFixtures;
import dev.clusterspec.emit.usermanifests.UserManifestsComponent;
import dev.clusterspec.emit.manifests.InlineManifest;
import dev.clusterspec.emit.manifests.ManifestComponent;
import dev.clusterspec.generate.ManifestRepoBuild;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.firewall.FirewallPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spec's manifests folder on a copy of the minimal example (no manifest repo, so the components
 * travel inline): what becomes a component, and every kind of bad input reported at its place.
 */
class UserManifestsTest {

    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: %s
              namespace: apps
            data:
              flag: on
            """;

    @TempDir
    Path dir;

    private Path project(String folder) {
        return ExampleCopy.of("minimal", dir.resolve("project")).append("manifests:\n  folder: " + folder + "\n").spec();
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve("project").resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static ClusterPlan plan(Path spec) {
        return ClusterPlan.of(new SpecValidator().validate(spec).loaded());
    }

    private static List<Diagnostic> errors(Path spec) {
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecValidator().validate(spec));
        assertThat(e).as("the spec must be refused").isNotNull();
        return e.diagnostics().stream().filter(Diagnostic::isError).toList();
    }

    @Test
    void eachYamlFileIsAComponentInFileNameOrderWrittenInCanonicalYaml() throws IOException {
        Path spec = project("manifests");
        write("manifests/b.yaml", CONFIG_MAP.formatted("b"));
        write("manifests/A Config.yml", "# a comment that stays in the user's file\n" + CONFIG_MAP.formatted("a") + "---\n");
        write("manifests/README.md", "not a manifest\n");

        List<ManifestComponent> components = new UserManifestsComponent().manifests(AddonFixtures.inputs(plan(spec)));
        assertThat(components).extracting(ManifestComponent::name).containsExactly("user-a-config", "user-b");
        assertThat(components).allSatisfy(c -> assertThat(c.order()).isEqualTo(90));
        // YAML 1.2 read 'on' as text; Talos reads YAML 1.1, so it is written quoted: what was checked is what applies
        assertThat(components.get(1).yaml()).startsWith("# manifests/b.yaml from the manifests folder").contains("flag: \"on\"");
        assertThat(components.get(0).yaml()).doesNotContain("a comment").doesNotContain("---");

        // no manifest repo: the components travel inline in the control-plane configs, after the generated ones
        ClusterPlan plan = plan(spec);
        ManifestRepoBuild build = ManifestRepoBuild.of(plan, FirewallPlan.of(plan), Optional.empty());
        assertThat(build.content().inlineManifests()).extracting(InlineManifest::name).endsWith("90-user-a-config", "90-user-b");
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("invalid YAML", "apiVersion: v1\nkind: [ConfigMap\n", "3:1: error: invalid YAML"),
                Arguments.of("a list", "- apiVersion: v1\n", "1:1: error: document 1 is a list, not a Kubernetes object"),
                Arguments.of("no kind", "apiVersion: v1\nmetadata: {name: x}\n", "1:1: error: document 1 has no kind"),
                Arguments.of("no name", "apiVersion: v1\nkind: ConfigMap\nmetadata: {namespace: apps}\n",
                        "3:11: error: document 1 has no metadata.name"),
                Arguments.of("a kind that is no text", "apiVersion: v1\nkind: 7\nmetadata: {name: x}\n",
                        "2:7: error: document 1 has a kind that is not a text"),
                Arguments.of("the second document", CONFIG_MAP.formatted("a") + "---\napiVersion: v1\nkind: ConfigMap\n",
                        "9:1: error: document 2 has no metadata"),
                Arguments.of("a List", "apiVersion: v1\nkind: List\nmetadata: {name: l}\nitems: []\n",
                        "2:7: error: document 1 is a List; Talos does not unpack lists"),
                Arguments.of("a Secret", "apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: apps}\nstringData: {a: b}\n",
                        "2:1: error: Kubernetes Secret object (kind: Secret): the manifest repo is pushed to Git"),
                Arguments.of("a token", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: apps}\n"
                        + "data:\n  api_token: SECRETVALUEq8vR2xW7kP4mN9tL3cY6bH1jF5dS0aG\n",
                        "5:1: error: credential-like value under key 'api_token': the manifest repo is pushed to Git"),
                Arguments.of("a private key", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: apps}\ndata:\n  key: |\n"
                        + "    -----BEGIN PRIVATE KEY-----\n    SECRETVALUE\n    -----END PRIVATE KEY-----\n",
                        "6:1: error: PEM private key: the manifest repo is pushed to Git"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badInputIsAnErrorAtItsPlaceInTheFile(String name, String text, String expected) throws IOException {
        Path spec = project("manifests");
        Path file = write("manifests/bad.yaml", text);
        List<Diagnostic> errors = errors(spec);
        assertThat(errors).extracting(Diagnostic::toString).anySatisfy(d -> assertThat(d).startsWith(file + ":" + expected));
        assertThat(errors).allSatisfy(d -> assertThat(d.message()).doesNotContain("SECRETVALUE").doesNotContain("Exception"));
    }

    @Test
    void anObjectDefinedTwiceIsRefusedWhereItComesTheSecondTime() throws IOException {
        Path spec = project("manifests");
        Path first = write("manifests/a.yaml", CONFIG_MAP.formatted("same"));
        Path second = write("manifests/b.yaml", CONFIG_MAP.formatted("other") + "---\n" + CONFIG_MAP.formatted("same"));
        assertThat(errors(spec)).extracting(Diagnostic::toString).containsExactly(second + ":9:1: error: ConfigMap apps/same is also"
                + " defined at " + first + ":1; a cluster holds one object per kind, namespace and name, and Talos would create only the"
                + " first. Remove or rename one");
    }

    @Test
    void twoFilesMustNotNameOneComponent() throws IOException {
        Path spec = project("manifests");
        // files are taken in name order, upper case first: the second one is refused
        Path second = write("manifests/web.yaml", CONFIG_MAP.formatted("a"));
        write("manifests/Web.yml", CONFIG_MAP.formatted("b"));
        assertThat(errors(spec)).extracting(Diagnostic::toString).containsExactly(
                second + ":1:1: error: gives the manifest-repo component name user-web, as manifests/Web.yml does; rename one of the files");
    }

    @Test
    void anObjectClusterspecGeneratesIsRefusedAtTheUsersLine() throws IOException {
        // the minimal example's namespace apps gets a default-deny policy of clusterspec's own
        Path spec = project("manifests");
        Path file = write("manifests/deny.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: default-deny
                  namespace: apps
                spec:
                  podSelector: {}
                """);
        ClusterPlan plan = plan(spec);
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class,
                () -> ManifestRepoBuild.of(plan, FirewallPlan.of(plan), Optional.empty()));
        assertThat(e.diagnostics()).extracting(Diagnostic::toString).singleElement().asString()
                .startsWith(file + ":1:1: error: NetworkPolicy.networking.k8s.io apps/default-deny is generated by clusterspec already"
                        + " (component network-policies)");
    }

    @Test
    void theFolderMustBeInsideTheSpecsFolderAndBeAFolder(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("stolen.yaml"), CONFIG_MAP.formatted("x"));
        Path spec = project("../elsewhere");
        assertThat(errors(spec)).extracting(Diagnostic::message).singleElement().asString()
                .isEqualTo("'folder' must be a path relative to the folder of cluster.yaml and inside it: no leading '/', no '..',"
                        + " not '../elsewhere'");

        Files.writeString(spec, Files.readString(spec).replace("folder: ../elsewhere", "folder: linked"));
        Files.createSymbolicLink(dir.resolve("project/linked"), outside);
        assertThat(errors(spec)).extracting(Diagnostic::message).singleElement().asString()
                .startsWith("manifests folder: 'linked' is (through a symbolic link) a file outside the spec's folder");
        int line = Files.readAllLines(spec).indexOf("  folder: linked") + 1;
        assertThat(errors(spec).get(0).line()).as("at the field").isEqualTo(line);
    }

    @Test
    void aFileLinkedFromOutsideIsNotRead(@TempDir Path outside) throws IOException {
        Path target = Files.writeString(outside.resolve("stolen.yaml"), CONFIG_MAP.formatted("x"));
        Path spec = project("manifests");
        Files.createDirectories(dir.resolve("project/manifests"));
        Files.createSymbolicLink(dir.resolve("project/manifests/stolen.yaml"), target);
        assertThat(errors(spec)).extracting(Diagnostic::message).singleElement().asString()
                .startsWith("manifests folder: 'manifests/stolen.yaml' is (through a symbolic link) a file outside the spec's folder");
    }

    @Test
    void aMissingFolderOrAFileIsAnErrorAtTheField() throws IOException {
        assertThat(errors(project("manifests"))).extracting(Diagnostic::message).singleElement().asString()
                .startsWith("manifests folder: there is no folder 'manifests' beside the spec");
        write("manifests", "a file\n");
        assertThat(errors(dir.resolve("project/cluster.yaml"))).extracting(Diagnostic::message).singleElement().asString()
                .isEqualTo("manifests folder: 'manifests' is a file, not a folder");
    }

    @Test
    void subfoldersAndEmptyFilesAreWarnedAbout() throws IOException {
        Path spec = project("manifests");
        write("manifests/nested/deep.yaml", CONFIG_MAP.formatted("deep"));
        Path empty = write("manifests/empty.yaml", "# nothing yet\n");
        SpecValidator.Validated result = new SpecValidator().validate(spec);
        assertThat(result.warnings()).extracting(Diagnostic::toString)
                .anySatisfy(w -> assertThat(w).contains("manifests folder: manifests/nested/ is a subfolder and is not read"))
                .anySatisfy(w -> assertThat(w).startsWith(empty + ":1:1: warning: holds no Kubernetes object"));
        assertThat(ClusterPlan.of(result.loaded()).userManifests().isEmpty()).isTrue();
    }
}
