package dev.clusterspec.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.clusterspec.BuildLog;
import dev.clusterspec.publish.PublishException.Reason;

/** The replace rules on a plain folder, without git. */
class WorkTreeSyncTest {

    @TempDir
    Path tmp;

    private Path tree;

    private final PathRules rules = new PathRules(Set.of("cilium", "namespaces.yaml", "policies"), Set.of("cilium"));

    @BeforeEach
    void createTree() throws IOException {
        tree = Files.createDirectories(tmp.resolve("tree"));
    }

    private void existing(String path, String content) throws IOException {
        Path file = tree.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static Map<String, byte[]> generated(String... pathsAndContents) {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    @Test
    void replacesManagedContentAndKeepsContentAddressedAndUnmanagedFiles() throws Exception {
        existing("cilium/old.yaml", "old\n");
        existing("namespaces.yaml", "old ns\n");
        existing("policies/web/deny.yaml", "deny\n");
        existing("README.md", "by a person\n");
        existing(".git/config", "[core]\n");

        WorkTreeSync.apply(tree, generated("cilium/new.yaml", "new\n", "namespaces.yaml", "new ns\n"), rules,
                BuildLog.silent());

        assertThat(WorkTreeSync.filesIn(tree)).containsExactly(
                "README.md", "cilium/new.yaml", "cilium/old.yaml", "namespaces.yaml");
        assertThat(tree.resolve("namespaces.yaml")).hasContent("new ns");
        assertThat(tree.resolve("policies")).doesNotExist();
        assertThat(tree.resolve(".git/config")).exists();
    }

    @Test
    void identicalFilesAreNotRewritten() throws Exception {
        existing("namespaces.yaml", "same\n");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(tree.resolve("namespaces.yaml"), old);

        WorkTreeSync.apply(tree, generated("namespaces.yaml", "same\n"), rules, BuildLog.silent());

        assertThat(Files.getLastModifiedTime(tree.resolve("namespaces.yaml"))).isEqualTo(old);
    }

    @Test
    void neverWritesThroughASymbolicLinkFromTheRemote() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(tree.resolve("cilium"), outside);

        PublishException e = catchThrowableOfType(PublishException.class, () -> WorkTreeSync.apply(tree,
                generated("cilium/new.yaml", "new\n"), rules, BuildLog.silent()));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_SOURCE);
        assertThat(e.getMessage()).contains("symbolic link cilium");
        try (var entries = Files.list(outside)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void anUnmanagedFolderInTheWayIsAnError() throws Exception {
        existing("notes/keep.txt", "mine\n");

        PublishException e = catchThrowableOfType(PublishException.class, () -> WorkTreeSync.apply(tree,
                generated("notes", "generated\n"), rules, BuildLog.silent()));

        assertThat(e.getMessage()).contains("has a folder notes that is not managed");
        assertThat(tree.resolve("notes/keep.txt")).hasContent("mine");
    }
}
