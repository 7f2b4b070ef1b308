package dev.clusterspec.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.clusterspec.publish.PublishException.Reason;

/** Publishing against a real C git smart-HTTP server on 127.0.0.1 with Basic auth. */
class ManifestRepoPublisherTest {

    private static final String USER = "ci-bot";
    private static final String TOKEN = "tok-Q7f3Zk81mWv0";
    private static final String WRONG_TOKEN = "tok-WRONG-5d2e9a";
    private static final String SPEC_HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String CILIUM_V1 = "cilium/3f9a1c0d2b4e.yaml";
    private static final String CILIUM_V2 = "cilium/8b7e6d5c4a3f.yaml";

    @TempDir
    Path tmp;

    private GitHttpServer server;
    private Path bare;
    private Path source;
    private Path cache;
    private final RecordingLog log = new RecordingLog();
    private final ManifestRepoPublisher publisher = new ManifestRepoPublisher(log);

    @BeforeEach
    void startServer() throws IOException {
        server = GitHttpServer.start(Files.createDirectories(tmp.resolve("server")));
        server.addUser(USER, TOKEN, true);
        bare = server.createBareRepository("manifests");
        source = Files.createDirectories(tmp.resolve("generated"));
        cache = tmp.resolve("build/publish-cache");
        writeSource(Map.of(
                CILIUM_V1, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  v: \"1\"\n",
                "namespaces.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n",
                "network-policies/web.yaml", "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
                        + "metadata:\n  name: default-deny\n  namespace: web\nspec:\n  podSelector: {}\n"));
    }

    @AfterEach
    void stopServerAndCheckNoTokenLeaked() {
        server.stop();
        for (String line : log.lines()) {
            assertThat(line).doesNotContain(TOKEN).doesNotContain(WRONG_TOKEN);
        }
    }

    private PublishRequest.Builder request() {
        return PublishRequest.builder(server.url("manifests"), source, cache)
                .branch("main")
                .managedPaths(List.of("cilium", "namespaces.yaml", "network-policies"))
                .keepPaths(List.of("cilium"))
                .spec("oci-home", SPEC_HASH)
                .credentials(Credentials.of(USER, TOKEN));
    }

    private void writeSource(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = source.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }

    private String remoteTip() {
        return CGit.resolve(bare, "refs/heads/main");
    }

    @Test
    void firstPublishCreatesExactlyOneCommit() throws Exception {
        PublishResult result = publisher.publish(request().build());

        assertThat(result.pushed()).isTrue();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.commitId()).contains(remoteTip());
        assertThat(result.added()).containsExactly(CILIUM_V1, "namespaces.yaml", "network-policies/web.yaml");
        assertThat(result.changed()).isEmpty();
        assertThat(result.removed()).isEmpty();
        assertThat(CGit.subjects(bare, "main")).containsExactly("clusterspec: oci-home @ 0123456789ab");
        assertThat(CGit.files(bare, "main")).containsExactly(CILIUM_V1, "namespaces.yaml", "network-policies/web.yaml");
        assertThat(CGit.show(bare, "main", "namespaces.yaml")).isEqualTo(Files.readString(source.resolve("namespaces.yaml")));
        assertThat(CGit.run(bare, "log", "-1", "--format=%B", "main")).isEqualTo("""
                clusterspec: oci-home @ 0123456789ab

                added 3, changed 0, removed 0

                A cilium/3f9a1c0d2b4e.yaml
                A namespaces.yaml
                A network-policies/web.yaml

                """);
        assertThat(CGit.run(bare, "log", "-1", "--format=%an <%ae>|%cn <%ce>", "main").strip())
                .isEqualTo("clusterspec <clusterspec@localhost>|clusterspec <clusterspec@localhost>");
        assertThat(CGit.run(bare, "cat-file", "-p", "main")).doesNotContain("gpgsig");
    }

    @Test
    void identicalSecondPublishCreatesNoCommit() throws Exception {
        publisher.publish(request().build());
        String tip = remoteTip();

        PublishResult again = publisher.publish(request().build());
        assertThat(again.hasChanges()).isFalse();
        assertThat(again.commitId()).isEmpty();
        assertThat(again.pushed()).isFalse();

        // a fresh cache clone (a new CI runner) sees the same: nothing to do
        PublishResult fromScratch = publisher.publish(
                PublishRequest.builder(server.url("manifests"), source, tmp.resolve("other-runner"))
                        .managedPaths(List.of("cilium", "namespaces.yaml", "network-policies"))
                        .keepPaths(List.of("cilium")).spec("oci-home", SPEC_HASH)
                        .credentials(Credentials.of(USER, TOKEN)).build());
        assertThat(fromScratch.hasChanges()).isFalse();
        assertThat(remoteTip()).isEqualTo(tip);
        assertThat(CGit.subjects(bare, "main")).hasSize(1);
    }

    @Test
    void changedContentGivesOneCommitAndKeepsOlderContentAddressedAndUnmanagedFiles() throws Exception {
        publisher.publish(request().build());
        CGit.commitAsSomeoneElse(bare, "main", Map.of("README.md", "written by a person\n"), "add readme");

        Files.delete(source.resolve(CILIUM_V1));
        Files.delete(source.resolve("network-policies/web.yaml"));
        writeSource(Map.of(
                CILIUM_V2, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  v: \"2\"\n",
                "namespaces.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: api\n",
                "network-policies/api.yaml", "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
                        + "metadata:\n  name: allow-api\n  namespace: api\nspec:\n  podSelector: {}\n"));

        PublishResult result = publisher.publish(request().spec("oci-home", "sha256:fedcba9876543210aa").build());

        assertThat(result.added()).containsExactly(CILIUM_V2, "network-policies/api.yaml");
        assertThat(result.changed()).containsExactly("namespaces.yaml");
        assertThat(result.removed()).containsExactly("network-policies/web.yaml");
        assertThat(CGit.files(bare, "main")).containsExactly("README.md", CILIUM_V1, CILIUM_V2,
                "namespaces.yaml", "network-policies/api.yaml");
        assertThat(CGit.subjects(bare, "main")).containsExactly(
                "clusterspec: oci-home @ fedcba987654", "add readme", "clusterspec: oci-home @ 0123456789ab");
        assertThat(CGit.run(bare, "log", "-1", "--format=%b", "main")).contains(
                "added 2, changed 1, removed 1", "A cilium/8b7e6d5c4a3f.yaml", "M namespaces.yaml",
                "D network-policies/web.yaml");
    }

    @Test
    void wrongTokenFailsWithClearAuthMessageAndLeavesTheRemoteUnchanged() throws Exception {
        publisher.publish(request().build());
        String tip = remoteTip();
        int requestsBefore = server.requests().size();
        writeSource(Map.of("namespaces.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: changed\n"));

        PublishException e = catchThrowableOfType(PublishException.class,
                () -> publisher.publish(request().credentials(Credentials.of(USER, WRONG_TOKEN)).build()));

        assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(e.getMessage()).startsWith("authentication failed for " + server.url("manifests") + " as " + USER
                + ": check the token");
        assertThat(messagesOf(e)).doesNotContain(WRONG_TOKEN).doesNotContain(TOKEN);
        assertThat(remoteTip()).isEqualTo(tip);
        assertThat(server.requests().subList(requestsBefore, server.requests().size()))
                .isNotEmpty().allMatch(r -> r.endsWith("-> 401"));
    }

    @Test
    void missingCredentialsAreNamedAsSuch() {
        PublishException e = catchThrowableOfType(PublishException.class,
                () -> publisher.publish(request().credentials(null).build()));
        assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(e.getMessage()).contains("requires authentication, but no credentials were given");
    }

    @Test
    void tokenWithoutWriteAccessIsReportedAsForbidden() throws Exception {
        server.addUser("reader", TOKEN + "-ro", false);
        PublishException e = catchThrowableOfType(PublishException.class,
                () -> publisher.publish(request().credentials(Credentials.of("reader", TOKEN + "-ro")).build()));
        assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN);
        assertThat(e.getMessage()).contains("does not let reader push", "give the token write access");
        assertThat(messagesOf(e)).doesNotContain(TOKEN);
        assertThat(remoteTip()).isNull();
    }

    @Test
    void remoteMovedMeanwhileIsRetriedAndEndsWithBothHistories() throws Exception {
        publisher.publish(request().build());
        writeSource(Map.of("namespaces.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: moved\n"));
        AtomicBoolean once = new AtomicBoolean();
        AtomicInteger theirCommit = new AtomicInteger();
        String[] theirs = new String[1];
        // another writer pushes after our fetch, before our push lists the remote refs
        server.beforeReceivePackAdvertisement(() -> {
            if (once.compareAndSet(false, true)) {
                theirs[0] = CGit.commitAsSomeoneElse(bare, "main", Map.of("README.md", "hello\n"), "their change");
                theirCommit.incrementAndGet();
            }
        });

        PublishResult result = publisher.publish(request().build());

        assertThat(result.pushed()).isTrue();
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(theirCommit).hasValue(1);
        assertThat(CGit.subjects(bare, "main")).containsExactly(
                "clusterspec: oci-home @ 0123456789ab", "their change", "clusterspec: oci-home @ 0123456789ab");
        assertThat(CGit.run(bare, "rev-parse", "main^").strip()).isEqualTo(theirs[0]);
        assertThat(CGit.files(bare, "main")).contains("README.md", "namespaces.yaml");
        assertThat(CGit.show(bare, "main", "namespaces.yaml")).contains("name: moved");
        assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN Branch main of ") && l.contains("moved while publishing"));
    }

    @Test
    void pushThatLosesTheRaceInsideTheServerIsRetried() throws Exception {
        publisher.publish(request().build());
        writeSource(Map.of("namespaces.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: raced\n"));
        AtomicBoolean once = new AtomicBoolean();
        // the other push lands after the server listed its refs to us, while our pack is arriving
        server.beforeReceivePack(() -> {
            if (once.compareAndSet(false, true)) {
                CGit.commitAsSomeoneElse(bare, "main", Map.of("OWNERS", "platform\n"), "their race");
            }
        });

        PublishResult result = publisher.publish(request().build());

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(CGit.subjects(bare, "main")).containsExactly(
                "clusterspec: oci-home @ 0123456789ab", "their race", "clusterspec: oci-home @ 0123456789ab");
    }

    @Test
    void retriesExhaustedGivesAClearError() throws Exception {
        publisher.publish(request().build());
        writeSource(Map.of("namespaces.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: busy\n"));
        AtomicInteger others = new AtomicInteger();
        server.beforeReceivePackAdvertisement(() -> CGit.commitAsSomeoneElse(bare, "main",
                Map.of("busy.txt", "change " + others.incrementAndGet() + "\n"), "busy writer " + others.get()));

        PublishException e = catchThrowableOfType(PublishException.class,
                () -> publisher.publish(request().maxRetries(2).build()));

        assertThat(e.reason()).isEqualTo(Reason.RETRIES_EXHAUSTED);
        assertThat(e.getMessage()).contains("gave up publishing to " + server.url("manifests"),
                "branch main kept moving", "3 attempts, 2 retries");
        assertThat(others).hasValue(3);
        assertThat(CGit.subjects(bare, "main")).containsExactly("busy writer 3", "busy writer 2", "busy writer 1",
                "clusterspec: oci-home @ 0123456789ab");
    }

    @Test
    void protectedBranchRejectionCarriesTheServerMessage() throws Exception {
        publisher.publish(request().build());
        String tip = remoteTip();
        CGit.installHook(bare, "pre-receive",
                "#!/bin/sh\necho 'GH006: Protected branch update failed for refs/heads/main.' >&2\nexit 1\n");
        writeSource(Map.of("namespaces.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: blocked\n"));

        PublishException e = catchThrowableOfType(PublishException.class, () -> publisher.publish(request().build()));

        assertThat(e.reason()).isEqualTo(Reason.REJECTED);
        assertThat(e.getMessage()).contains("rejected the push to branch main", "pre-receive hook declined",
                "GH006: Protected branch update failed");
        assertThat(remoteTip()).isEqualTo(tip);
    }

    @Test
    void serverDownGivesAClearError() {
        String url = server.url("manifests");
        server.stop();

        PublishException e = catchThrowableOfType(PublishException.class, () -> publisher.publish(request().build()));

        assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("cannot reach the git server at " + url + " (connection refused): the "
                + "server is down or unreachable from here; check the URL, the network and any proxy");
        assertThat(messagesOf(e)).doesNotContain(TOKEN);
    }

    @Test
    void missingRepositoryIsNamed() {
        PublishException e = catchThrowableOfType(PublishException.class, () -> publisher.publish(
                PublishRequest.builder(server.url("no-such-repo"), source, cache)
                        .managedPaths(List.of("cilium")).spec("oci-home", SPEC_HASH)
                        .credentials(Credentials.of(USER, TOKEN)).build()));
        assertThat(e.reason()).isEqualTo(Reason.REPOSITORY_NOT_FOUND);
        assertThat(e.getMessage()).startsWith("no git repository at " + server.url("no-such-repo"));
    }

    @Test
    void secretObjectInTheSourceIsRefusedBeforeAnyNetworkUse() throws Exception {
        writeSource(Map.of("tailscale/oauth.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tailscale\n"
                + "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: operator-oauth\n  namespace: tailscale\n"
                + "stringData:\n  client_id: kXy12\n  client_secret: plain\n"));

        PublishException e = catchThrowableOfType(PublishException.class, () -> publisher.publish(request().build()));

        assertThat(e.reason()).isEqualTo(Reason.SECRET_FOUND);
        assertThat(e.getMessage()).contains("refusing to publish",
                "tailscale/oauth.yaml:7: Kubernetes Secret object (kind: Secret)");
        assertThat(e.findings()).extracting(Object::toString)
                .containsExactly("tailscale/oauth.yaml:7: Kubernetes Secret object (kind: Secret)");
        assertThat(server.requests()).isEmpty();
        assertThat(cache).doesNotExist();
        assertThat(remoteTip()).isNull();
    }

    @Test
    void pemPrivateKeyInTheSourceIsRefused() throws Exception {
        publisher.publish(request().build());
        String tip = remoteTip();
        writeSource(Map.of("cilium/hubble-ca.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hubble-ca\n"
                + "data:\n  ca.key: |\n    -----BEGIN " + "EC PRIVATE KEY-----\n    MHcCAQEEIB\n"
                + "    -----END EC PRIVATE KEY-----\n"));

        PublishException e = catchThrowableOfType(PublishException.class, () -> publisher.publish(request().build()));

        assertThat(e.reason()).isEqualTo(Reason.SECRET_FOUND);
        assertThat(e.getMessage()).contains("cilium/hubble-ca.yaml:7: PEM private key");
        assertThat(e.getMessage()).doesNotContain("MHcCAQEEIB");
        assertThat(remoteTip()).isEqualTo(tip);
    }

    @Test
    void dryRunListsChangesAndPushesNothing() throws Exception {
        PublishResult preview = publisher.publish(request().dryRun(true).build());
        assertThat(preview.dryRun()).isTrue();
        assertThat(preview.added()).containsExactly(CILIUM_V1, "namespaces.yaml", "network-policies/web.yaml");
        assertThat(preview.commitId()).isEmpty();
        assertThat(preview.pushed()).isFalse();
        assertThat(remoteTip()).isNull();

        publisher.publish(request().build());
        String tip = remoteTip();
        Files.delete(source.resolve("network-policies/web.yaml"));
        writeSource(Map.of(CILIUM_V2, "kind: ConfigMap\n", "namespaces.yaml", "kind: Namespace\n"));

        PublishResult changes = publisher.publish(request().dryRun(true).build());

        assertThat(changes.added()).containsExactly(CILIUM_V2);
        assertThat(changes.changed()).containsExactly("namespaces.yaml");
        assertThat(changes.removed()).containsExactly("network-policies/web.yaml");
        assertThat(changes.summary()).isEqualTo("added 1, changed 1, removed 1");
        assertThat(changes.commitId()).isEmpty();
        assertThat(remoteTip()).isEqualTo(tip);
        assertThat(server.requests().stream().filter(r -> r.startsWith("POST") && r.contains("receive-pack")))
                .hasSize(1);
    }

    @Test
    void sourceFolderIsNeverModified() throws Exception {
        Map<String, String> before = snapshot(source);
        publisher.publish(request().build());
        AtomicBoolean once = new AtomicBoolean();
        server.beforeReceivePackAdvertisement(() -> {
            if (once.compareAndSet(false, true)) {
                CGit.commitAsSomeoneElse(bare, "main", Map.of("namespaces.yaml", "overwritten by someone\n",
                        "cilium/000000000000.yaml", "theirs\n"), "their edit of managed files");
            }
        });
        writeSource(Map.of("network-policies/api.yaml", "kind: NetworkPolicy\n"));
        before = snapshot(source);

        PublishResult result = publisher.publish(request().build());

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(snapshot(source)).isEqualTo(before);
        // the generator owns managed files: their edit is replaced, their content-addressed file is kept
        assertThat(CGit.show(bare, "main", "namespaces.yaml")).isEqualTo(Files.readString(source.resolve("namespaces.yaml")));
        assertThat(CGit.files(bare, "main")).contains("cilium/000000000000.yaml");
    }

    @Test
    void userAndSystemGitConfigDoNotLeakIn() throws Exception {
        Path hooks = Files.createDirectories(tmp.resolve("user-hooks"));
        Path marker = tmp.resolve("hook-ran");
        for (String hook : List.of("pre-commit", "commit-msg", "post-commit", "pre-push")) {
            Path script = Files.writeString(hooks.resolve(hook), "#!/bin/sh\ntouch '" + marker + "'\nexit 1\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path excludes = Files.writeString(tmp.resolve("global-ignore"), "*.yaml\n");
        Path userConfig = Files.writeString(tmp.resolve("user.gitconfig"), "[user]\n\tname = Jane Doe\n\temail = jane@example.com\n"
                + "[commit]\n\tgpgSign = true\n[core]\n\tautocrlf = true\n\thooksPath = " + hooks + "\n\texcludesFile = "
                + excludes + "\n");
        writeSource(Map.of("namespaces.yaml", "kind: Namespace\r\nmetadata:\r\n  name: crlf\r\n"));

        SystemReader original = SystemReader.getInstance();
        SystemReader.setInstance(new SystemReader.Delegate(original) {
            @Override
            public FileBasedConfig openUserConfig(Config parent, FS fs) {
                return new FileBasedConfig(parent, userConfig.toFile(), fs);
            }
        });
        try {
            publisher.publish(request().build());
        } finally {
            SystemReader.setInstance(original);
        }

        assertThat(marker).doesNotExist();
        assertThat(CGit.run(bare, "log", "-1", "--format=%an <%ae>", "main").strip())
                .isEqualTo("clusterspec <clusterspec@localhost>");
        assertThat(CGit.run(bare, "cat-file", "-p", "main")).doesNotContain("gpgsig");
        assertThat(CGit.files(bare, "main")).containsExactly(CILIUM_V1, "namespaces.yaml", "network-policies/web.yaml");
        assertThat(CGit.run(bare, "cat-file", "blob", "main:namespaces.yaml"))
                .isEqualTo("kind: Namespace\r\nmetadata:\r\n  name: crlf\r\n");
    }

    @Test
    void newEmptyRemoteWithAnExistingCacheStartsAFreshBranch() throws Exception {
        publisher.publish(request().build());
        Path other = server.createBareRepository("moved-manifests");

        PublishResult result = publisher.publish(PublishRequest.builder(server.url("moved-manifests"), source, cache)
                .managedPaths(List.of("cilium", "namespaces.yaml", "network-policies")).spec("oci-home", SPEC_HASH)
                .credentials(Credentials.of(USER, TOKEN)).build());

        assertThat(result.added()).hasSize(3);
        assertThat(CGit.subjects(other, "main")).containsExactly("clusterspec: oci-home @ 0123456789ab");
        assertThat(CGit.run(other, "rev-list", "--count", "main").strip()).isEqualTo("1");
    }

    @Test
    void aFolderThatIsNotACacheCloneIsNeverTouched() throws Exception {
        Files.createDirectories(cache);
        Files.writeString(cache.resolve("precious.txt"), "keep me\n");
        PublishException e = catchThrowableOfType(PublishException.class, () -> publisher.publish(request().build()));
        assertThat(e.reason()).isEqualTo(Reason.WORK_DIR);
        assertThat(Files.readString(cache.resolve("precious.txt"))).isEqualTo("keep me\n");

        Path someonesClone = tmp.resolve("someones-clone");
        CGit.run(tmp, "init", "-q", someonesClone.toString());
        Files.writeString(someonesClone.resolve("work.txt"), "uncommitted\n");
        PublishException notOurs = catchThrowableOfType(PublishException.class, () -> publisher.publish(
                PublishRequest.builder(server.url("manifests"), source, someonesClone)
                        .managedPaths(List.of("cilium")).spec("oci-home", SPEC_HASH).build()));
        assertThat(notOurs.getMessage()).contains("that clusterspec did not create");
        assertThat(someonesClone.resolve("work.txt")).exists();
    }

    @Test
    void requestsAndCredentialsNeverShowTheToken() {
        PublishRequest request = request().build();
        assertThat(request.toString()).doesNotContain(TOKEN).contains("token=****");
        assertThat(Credentials.of(USER, TOKEN).toString()).isEqualTo("Credentials[username=ci-bot, token=****]");
        assertThatThrownBy(() -> PublishRequest.builder("https://bot:" + TOKEN + "@example.com/x.git", source, cache)
                .managedPaths(List.of("cilium")).spec("x", "y").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not contain a password")
                .message().doesNotContain(TOKEN);
        assertThatThrownBy(() -> request().managedPaths(List.of("../outside")).build())
                .hasMessageContaining("relative path inside the repo");
    }

    private static String messagesOf(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    /** Path to "mtime|content" of every file, to prove a folder was not modified. */
    private static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString(), Files.getLastModifiedTime(p) + "|"
                        + new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return new LinkedHashMap<>(files);
    }
}
