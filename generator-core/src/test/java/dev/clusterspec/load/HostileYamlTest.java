package dev.clusterspec.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clusterspec.ExampleCopy;
import dev.clusterspec.check.SpecValidator;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input built to hurt a parser is rejected with a located message. The timeout only guards against
 * a hang; how fast rejection is gets measured by the benchmark, not here.
 */
@Timeout(30)
class HostileYamlTest {

    @TempDir
    Path dir;

    private Diagnostic rejection(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(file));
        assertThat(e).as(name + " must be rejected as a spec problem").isNotNull();
        assertThat(e.diagnostics()).hasSize(1);
        return e.diagnostics().get(0);
    }

    @Test
    void billionLaughsIsStoppedByTheNodeBudget() throws IOException {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        Diagnostic d = rejection("bomb.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(d.message()).contains("alias bomb");
        assertThat(d.line()).isBetween(5, 10);
    }

    @Test
    void tenThousandLevelsOfNestingAreRefusedAtTheLimit() throws IOException {
        String deep = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        Diagnostic d = rejection("deep.yaml", deep.getBytes(StandardCharsets.UTF_8));
        assertThat(d.message()).isEqualTo("the document is nested more than 64 levels deep");
        assertThat(d.line()).isEqualTo(1);
        assertThat(d.column()).isEqualTo(4 + 63);
    }

    @Test
    void deepBlockMappingsAreRefusedToo() throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            yaml.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        Diagnostic d = rejection("deep-block.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(d.message()).contains("nested more than 64 levels");
    }

    @Test
    void aFiftyMegabyteFileIsRefusedBeforeItIsRead() throws IOException {
        Path file = dir.resolve("huge.yaml");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(50L * 1024 * 1024);
        }
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(file));
        assertThat(e.diagnostics().get(0).message())
                .isEqualTo("the file is 52428800 bytes; a cluster spec may be at most 4194304 bytes. Is this the right file?");
    }

    @Test
    void binaryJunkIsNotUtf8() throws IOException {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Diagnostic d = rejection("junk.yaml", junk);
        assertThat(d.message()).startsWith("the file is not valid UTF-8 (byte 0x").endsWith("; save it as UTF-8");
    }

    @Test
    void invalidUtf8IsLocatedOnItsLine() throws IOException {
        byte[] text = "apiVersion: clusterspec.dev/v1alpha1\nkind: Cl\u00e9ster\n".getBytes(StandardCharsets.ISO_8859_1);
        Diagnostic d = rejection("latin1.yaml", text);
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.column()).isEqualTo(9);
        assertThat(d.message()).isEqualTo("the file is not valid UTF-8 (byte 0xE9 at offset 45); save it as UTF-8");
    }

    @Test
    void controlCharactersAreRejectedWithTheirPosition() throws IOException {
        Diagnostic d = rejection("nul.yaml", "apiVersion: a\u0000b\n".getBytes(StandardCharsets.UTF_8));
        assertThat(d.line()).isEqualTo(1);
        assertThat(d.message()).startsWith("invalid YAML: ");
    }

    /** YAML's infinities and not-a-number are numbers without a decimal form: a typed error, not a crash. */
    @Test
    void infinityAndNotANumberAreTypeErrorsAtTheirValue() throws IOException {
        for (String value : new String[] {".inf", "-.inf", ".nan"}) {
            Path spec = ExampleCopy.of("minimal", dir.resolve(value)).replace("  name: minimal\n", "  name: " + value + "\n").spec();
            SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecValidator().validate(spec));
            assertThat(e).as(value).isNotNull();
            assertThat(e.diagnostics()).as(value).anySatisfy(d -> {
                assertThat(d.line()).isEqualTo(8);
                assertThat(d.pointer()).isEqualTo("/metadata/name");
            });
        }
    }

    @Test
    void aMissingFileIsASpecProblemNotAStackTrace() {
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class,
                () -> new SpecLoader().load(dir.resolve("nope.yaml")));
        assertThat(e.diagnostics().get(0).message()).isEqualTo("no such file; point cluster.spec at your cluster.yaml");
    }
}
