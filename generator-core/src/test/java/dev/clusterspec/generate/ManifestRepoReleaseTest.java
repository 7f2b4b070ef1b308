package dev.clusterspec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.BuildLog;
import dev.clusterspec.ExampleCopy;
import dev.clusterspec.Examples;
import dev.clusterspec.check.SpecValidator;
import dev.clusterspec.diff.DiffReport;
import dev.clusterspec.diff.EntryId;
import dev.clusterspec.yaml.Yaml;
import dev.clusterspec.publish.Credentials;
import dev.clusterspec.publish.GitHttpServer;
import dev.clusterspec.publish.PublishResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The example's manifest repo published to a real smart-HTTP git server, end to end: with no
 * secret available, one commit per change, and every URL the Talos configs name served from the
 * pushed commit with the bytes generate wrote.
 */
class ManifestRepoReleaseTest {

    private static final String RAW = "https://raw.githubusercontent.com/you/k8s-manifests-private/main/";

    @TempDir
    Path dir;

    private GitHttpServer server;
    private Path bare;

    @BeforeEach
    void startServer() throws IOException {
        server = GitHttpServer.start(Files.createDirectories(dir.resolve("server")));
        server.addUser("ci", "s3cr3t-token", true);
        bare = server.createBareRepository("manifests.git");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** The example spec and its patch files, without its secret files and without a Talos bundle. */
    private Path specWithoutSecrets() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path spec = Examples.specBesideItsFiles("oci-free-tier", project);
        Files.copy(Examples.spec("oci-free-tier"), spec);
        return spec;
    }

    private PublishResult publish(Path spec) throws Exception {
        return new ManifestRepoRelease().publish(new ManifestRepoRelease.Request(spec, dir.resolve("work"), Optional.empty(),
                Optional.of(server.url("manifests.git")), id -> Credentials.of("ci", "s3cr3t-token"), false, BuildLog.silent()));
    }

    @Test
    void publishesWithoutAnySecretAndOnlyWhenSomethingChanged() throws Exception {
        Path spec = specWithoutSecrets();
        assertThat(spec.resolveSibling("secrets")).doesNotExist();

        PublishResult first = publish(spec);
        assertThat(first.commitId()).isPresent();
        assertThat(first.pushed()).isTrue();
        assertThat(commitCount()).isEqualTo(1);

        PublishResult second = publish(spec);
        assertThat(second.commitId()).isEmpty();
        assertThat(commitCount()).isEqualTo(1);

        Files.writeString(spec, Files.readString(spec).replace("    ports: [443]", "    ports: [8443]"));
        PublishResult third = publish(spec);
        assertThat(third.commitId()).isPresent();
        assertThat(commitCount()).isEqualTo(2);
        assertThat(third.added()).anyMatch(p -> p.startsWith("60-services/"));
        assertThat(third.removed()).as("older content-addressed files stay for configs that still name them").isEmpty();
    }

    @Test
    void theDiffAgainstThePublishedRepoShowsAChangedUserManifestAsOneChangedObject() throws Exception {
        Path spec = specWithoutSecrets();
        publish(spec);
        Path settings = spec.resolveSibling("manifests/web-settings.yaml");
        Files.writeString(settings, Files.readString(settings).replace("cache-seconds: \"300\"", "cache-seconds: \"600\""));

        DiffReport diff = ChangePreview.againstPublished(new ManifestRepoRelease.Request(spec, dir.resolve("work"), Optional.empty(),
                Optional.of(server.url("manifests.git")), id -> Credentials.of("ci", "s3cr3t-token"), true, BuildLog.silent()));
        // the object is matched across its old and new content-addressed files: changed, not removed and added
        assertThat(diff.changed()).filteredOn(e -> e.id().type() == EntryId.Type.OBJECT)
                .extracting(e -> e.id().kind() + " " + e.id().namespace() + "/" + e.id().name()).containsExactly("ConfigMap web/web-settings");
        assertThat(diff.changed()).filteredOn(e -> e.id().type() == EntryId.Type.FILE).extracting(e -> e.id().file())
                .as("the repo's table of contents").containsExactlyInAnyOrder("manifest-repo/README.md", "manifest-repo/index.yaml");
        assertThat(diff.added()).extracting(e -> e.id().name()).doesNotContain("web-settings");
        assertThat(diff.removed()).extracting(e -> e.id().name()).doesNotContain("web-settings");
        assertThat(diff.render(false)).contains("cache-seconds").contains("600");
    }

    @Test
    void aProjectWithAgeEncryptedSecretsPublishesWithoutAnyAgeKey() throws Exception {
        Path key = dir.resolve("owner-key.txt");
        String recipient = dev.clusterspec.load.age.AgeCli.keygen(key);
        ExampleCopy project = ExampleCopy.of("oci-free-tier", dir.resolve("encrypted"))
                .secret("tailscale-client-id.demo", "CANARY-published-never\n")
                .append("secrets:\n  ageRecipients: [" + recipient + "]\n")
                .encryptSecretsWithAgeCli(recipient);
        Files.delete(key);

        PublishResult result = publish(project.spec());

        assertThat(result.pushed()).isTrue();
        try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo);
             TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(repo.resolve("refs/heads/main")).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                String text = new String(repo.open(tree.getObjectId(0)).getBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text).as(tree.getPathString()).doesNotContain("CANARY").doesNotContain("DEMO-VALUE");
            }
        }
    }

    @Test
    void everyManifestUrlOfTheTalosConfigsResolvesToThePushedBytesAndChangesWithTheContent() throws Exception {
        Path spec = specWithoutSecrets();
        publish(spec);

        // generate needs the secrets: the example's demo files and a bundle
        Path project = spec.getParent();
        copyTree(Examples.spec("oci-free-tier").getParent().resolve("secrets"), project.resolve("secrets"));
        List<String> before = urlsResolvingToPushedBytes(project);

        Files.writeString(spec, Files.readString(spec).replace("    ports: [443]", "    ports: [8443]"));
        publish(spec);
        List<String> after = urlsResolvingToPushedBytes(project);

        assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
        assertThat(after).filteredOn(u -> u.contains("/60-services/")).doesNotContainAnyElementsOf(before);
        assertThat(after).filteredOn(u -> u.contains("/20-namespaces/")).containsExactlyElementsOf(
                before.stream().filter(u -> u.contains("/20-namespaces/")).toList());
    }

    /** Generates, then checks every manifest URL of cp-1 against the branch tip; returns the URLs. */
    private List<String> urlsResolvingToPushedBytes(Path project) throws IOException {
        Path bundle = Examples.reference().resolve("talos/stability/secrets.yaml");
        Path out = project.resolve("target/cluster");
        new Generator().generate(GenerateRequest.of(project.resolve("cluster.yaml"), bundle, out).withForce(true));
        List<String> urls = new ArrayList<>();
        for (JsonNode doc : Yaml.readAll(Files.readString(out.resolve("talos/cp-1.yaml")))) {
            doc.path("cluster").path("extraManifests").forEach(u -> urls.add(u.asString()));
        }
        assertThat(urls).hasSizeGreaterThan(5);
        List<String> specsOwn = new SpecValidator().validate(project.resolve("cluster.yaml")).loaded().spec().manifests().extraManifests();
        for (String url : urls) {
            if (!url.startsWith(RAW)) {
                assertThat(url).as("only pinned upstream files and the spec's own URLs are fetched from elsewhere")
                        .satisfiesAnyOf(u -> assertThat(u).contains("/tailscale/tailscale/"), u -> assertThat(specsOwn).contains(u));
                continue;
            }
            String path = url.substring(RAW.length());
            byte[] generated = Files.readAllBytes(out.resolve("manifest-repo").resolve(path));
            assertThat(fileInPushedCommit(path)).as(url).isEqualTo(generated);
        }
        return urls;
    }

    private int commitCount() throws IOException {
        try (Git git = Git.open(bare.toFile())) {
            int n = 0;
            for (RevCommit ignored : git.log().add(git.getRepository().resolve("refs/heads/main")).call()) {
                n++;
            }
            return n;
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IOException(e);
        }
    }

    private byte[] fileInPushedCommit(String path) throws IOException {
        try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            RevCommit head = walk.parseCommit(repo.resolve("refs/heads/main"));
            try (TreeWalk tree = TreeWalk.forPath(repo, path, head.getTree())) {
                assertThat(tree).as("%s in the pushed commit", path).isNotNull();
                ObjectId blob = tree.getObjectId(0);
                return repo.open(blob).getBytes();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

}
