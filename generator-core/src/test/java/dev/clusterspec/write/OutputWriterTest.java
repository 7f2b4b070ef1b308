package dev.clusterspec.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.emit.OutputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {

    @Test
    void aFileWithTheSameBytesIsTheSameFileAfterwardsAndTheRestIsWrittenAnew(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        OutputWriter.replace(out, List.of(OutputFile.text("a/same.yaml", "same\n"), OutputFile.text("a/changed.yaml", "one\n"),
                OutputFile.text("edited.yaml", "orig\n"), OutputFile.secretText("s/secret.yaml", "key\n")), "index.json", "{}\n");
        Object same = Files.getAttribute(out.resolve("a/same.yaml"), "unix:ino");
        Object edited = Files.getAttribute(out.resolve("edited.yaml"), "unix:ino");
        Object secret = Files.getAttribute(out.resolve("s/secret.yaml"), "unix:ino");
        Files.writeString(out.resolve("edited.yaml"), "EDIT\n");

        OutputWriter.replace(out, List.of(OutputFile.text("a/same.yaml", "same\n"), OutputFile.text("a/changed.yaml", "two\n"),
                OutputFile.text("edited.yaml", "orig\n"), OutputFile.secretText("s/secret.yaml", "key\n"),
                OutputFile.text("new.yaml", "new\n")), "index.json", "{}\n");

        assertThat(Files.getAttribute(out.resolve("a/same.yaml"), "unix:ino")).isEqualTo(same);
        assertThat(Files.getAttribute(out.resolve("s/secret.yaml"), "unix:ino")).isEqualTo(secret);
        assertThat(Files.getAttribute(out.resolve("a/same.yaml"), "unix:nlink")).isEqualTo(1);
        assertThat(Files.readString(out.resolve("a/changed.yaml"))).isEqualTo("two\n");
        // an output someone edited is put back, as a new file
        assertThat(Files.readString(out.resolve("edited.yaml"))).isEqualTo("orig\n");
        assertThat(Files.getAttribute(out.resolve("edited.yaml"), "unix:ino")).isNotEqualTo(edited);
        assertThat(Files.readString(out.resolve("new.yaml"))).isEqualTo("new\n");
        assertThat(Files.exists(dir.resolve("out.previous"))).isFalse();
        assertThat(Files.exists(dir.resolve("out.staging"))).isFalse();
    }

    @Test
    void aFolderThatHoldsExactlyTheOutputIsLeftAsItIsAndAnythingElseIsReplaced(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        List<OutputFile> files = List.of(OutputFile.text("a/b/one.yaml", "one\n"), OutputFile.secretText("s.yaml", "key\n"));
        OutputWriter.replace(out, files, ".clusterspec/index.json", "{}\n");
        Object folder = Files.getAttribute(out, "unix:ino");

        OutputWriter.replace(out, files, ".clusterspec/index.json", "{}\n");
        assertThat(Files.getAttribute(out, "unix:ino")).as("not swapped").isEqualTo(folder);

        // a stray file or folder, or another index, and the folder is made anew without it
        Files.writeString(out.resolve("a/stray.txt"), "x");
        OutputWriter.replace(out, files, ".clusterspec/index.json", "{}\n");
        assertThat(Files.exists(out.resolve("a/stray.txt"))).isFalse();
        Files.createDirectories(out.resolve("empty"));
        OutputWriter.replace(out, files, ".clusterspec/index.json", "{}\n");
        assertThat(Files.exists(out.resolve("empty"))).isFalse();
        Object before = Files.getAttribute(out, "unix:ino");
        OutputWriter.replace(out, files, ".clusterspec/index.json", "{\"other\": 1}\n");
        assertThat(Files.getAttribute(out, "unix:ino")).isNotEqualTo(before);
        assertThat(Files.readString(out.resolve(".clusterspec/index.json"))).isEqualTo("{\"other\": 1}\n");
        assertThat(Files.readString(out.resolve("a/b/one.yaml"))).isEqualTo("one\n");
    }

    @Test
    void aSecretThatSomeoneMadeReadableIsWrittenAnewOwnerOnly(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        OutputWriter.replace(out, List.of(OutputFile.secretText("talos/cp-1.yaml", "key\n")), "index.json", "{}\n");
        Files.setPosixFilePermissions(out.resolve("talos/cp-1.yaml"), PosixFilePermissions.fromString("rw-r--r--"));

        OutputWriter.replace(out, List.of(OutputFile.secretText("talos/cp-1.yaml", "key\n")), "index.json", "{}\n");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("talos/cp-1.yaml")))).isEqualTo("rw-------");
    }
}
