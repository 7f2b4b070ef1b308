package dev.clusterspec.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clusterspec.emit.OutputFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffSourcesTest {

    private static final PersonIdent IDENT = new PersonIdent("test", "test@example.invalid");

    @TempDir
    Path tmp;

    private static void write(Path root, String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String text(Map<String, byte[]> files, String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    @Test
    void aFolderIsReadRecursivelyWithoutGitAndBookkeepingFolders() throws Exception {
        Path out = tmp.resolve("cluster");
        write(out, "manifest-repo/10-cilium/abc.yaml", "kind: A\n");
        write(out, "hosts/pve1/clusterspec.nft", "table inet x {}\n");
        write(out, ".clusterspec/index.json", "{}\n");
        write(out, "manifest-repo/.git/config", "[core]\n");
        Files.createSymbolicLink(out.resolve("link.yaml"), out.resolve("hosts/pve1/clusterspec.nft"));

        assertThat(DiffSources.folder(out).keySet())
                .containsExactly("hosts/pve1/clusterspec.nft", "manifest-repo/10-cilium/abc.yaml");
        assertThat(DiffSources.folder(out.resolve("manifest-repo"), "manifest-repo").keySet())
                .containsExactly("manifest-repo/10-cilium/abc.yaml");
    }

    @Test
    void aMissingFolderIsAClearError() {
        DiffSourceException e = catchThrowableOfType(DiffSourceException.class,
                () -> DiffSources.folder(tmp.resolve("nowhere")));
        assertThat(e).hasMessageContaining("nowhere").hasMessageContaining("does not exist");
    }

    @Test
    void outputFilesKeepTheirPathsAndSecretFlags() {
        List<OutputFile> files = List.of(OutputFile.text("manifest-repo/a.yaml", "a\n"),
                OutputFile.secretText("talos/cp-1.yaml", "b\n"), OutputFile.secretText("oci/key.pem", "c\n"));
        assertThat(DiffSources.outputFiles(files).keySet())
                .containsExactly("manifest-repo/a.yaml", "oci/key.pem", "talos/cp-1.yaml");
        assertThat(DiffSources.secretPaths(files)).containsExactly("oci/key.pem", "talos/cp-1.yaml");
        assertThat(DiffSources.under(DiffSources.outputFiles(files), "manifest-repo").keySet())
                .containsExactly("manifest-repo/a.yaml");
    }

    @Test
    void aGitRefIsReadFromItsTree() throws Exception {
        Path repo = tmp.resolve("clone");
        ObjectId first;
        ObjectId second;
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write(repo, "10-cilium/aaaa.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: one\n");
            write(repo, "index.yaml", "components: []\n");
            git.add().addFilepattern(".").call();
            first = git.commit().setMessage("first").setAuthor(IDENT).setCommitter(IDENT).setSign(false).call().getId();
            Files.delete(repo.resolve("10-cilium/aaaa.yaml"));
            write(repo, "10-cilium/bbbb.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: two\n");
            git.add().addFilepattern(".").setUpdate(true).call();
            git.add().addFilepattern(".").call();
            second = git.commit().setMessage("second").setAuthor(IDENT).setCommitter(IDENT).setSign(false).call().getId();
            // what a fetch of origin/main leaves in the publisher's cache clone
            RefUpdate update = git.getRepository().updateRef("refs/remotes/origin/main");
            update.setNewObjectId(first);
            assertThat(update.update()).isEqualTo(RefUpdate.Result.NEW);
        }
        // uncommitted work in the work tree is not part of any ref
        write(repo, "10-cilium/uncommitted.yaml", "x: 1\n");

        SortedMap<String, byte[]> head = DiffSources.gitRef(repo, "HEAD", "manifest-repo/");
        assertThat(head.keySet()).containsExactly("manifest-repo/10-cilium/bbbb.yaml", "manifest-repo/index.yaml");
        assertThat(DiffSources.gitRef(repo, second.name(), "").keySet()).containsExactly("10-cilium/bbbb.yaml", "index.yaml");
        assertThat(DiffSources.gitRef(repo, "HEAD~1", "").keySet()).containsExactly("10-cilium/aaaa.yaml", "index.yaml");
        assertThat(DiffSources.gitRef(repo, "origin/main", "").keySet()).containsExactly("10-cilium/aaaa.yaml", "index.yaml");

        SortedMap<String, byte[]> published = DiffSources.remoteBranch(repo, "main", "manifest-repo").orElseThrow();
        assertThat(text(published, "manifest-repo/10-cilium/aaaa.yaml")).contains("name: one");
        assertThat(DiffSources.remoteBranch(repo, "other", "manifest-repo")).isEmpty();

        // the published branch against the generated folder: one namespace replaced by another
        DiffReport report = OutputDiff.compare(published, head, DiffOptions.defaults().withLabels("published", "generated"));
        assertThat(report.summary()).isEqualTo("1 added, 0 changed, 1 removed (1 unchanged)");
        assertThat(report.added()).extracting(e -> e.id().display()).containsExactly("Namespace two");
        assertThat(report.removed()).extracting(e -> e.id().display()).containsExactly("Namespace one");
    }

    @Test
    void unknownRefsAndMissingRepositoriesAreClearErrors() throws Exception {
        Path repo = tmp.resolve("empty");
        Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();

        DiffSourceException unknown = catchThrowableOfType(DiffSourceException.class,
                () -> DiffSources.gitRef(repo, "origin/nope", ""));
        assertThat(unknown).hasMessageContaining("origin/nope");

        Path plain = Files.createDirectories(tmp.resolve("plain"));
        DiffSourceException noRepo = catchThrowableOfType(DiffSourceException.class,
                () -> DiffSources.remoteBranch(plain, "main", ""));
        assertThat(noRepo).hasMessageContaining("no git repository at " + plain);
    }
}
