package dev.clusterspec.emit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.clusterspec.emit.OutputFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the example's {@code index.html} in a real headless browser (Debian's Chromium): the page must
 * render the diagram and every table with no console message (the page's Content-Security-Policy turns
 * any attempt to load something into one), and a screenshot is kept as {@code target/report-screenshot.png}.
 */
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("clusterspec.chromium", "/usr/bin/chromium"));
    private static final long TIMEOUT_SECONDS = 120;
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 3000;
    /** Chromium logs console messages as {@code [pid:tid:time:INFO:CONSOLE:line] "message", source: ...}. */
    private static final Pattern CONSOLE = Pattern.compile(".*(?::CONSOLE[:(]|Uncaught).*");

    private record Run(int exitCode, String stdout, List<String> console) {}

    @BeforeAll
    static void chromiumIsInstalled() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: this test needs Debian's Chromium (apt-get update && apt-get install -y chromium);"
                    + " CI installs it in .ci/run");
        }
    }

    @Test
    void examplePageRendersTheDiagramAndTablesWithoutConsoleErrors(@TempDir Path profile) throws Exception {
        Path folder = Path.of("target", "report-browser", "oci-free-tier").toAbsolutePath();
        List<OutputFile> files = ReportEmitter.emit(ReportFixtures.inputs("oci-free-tier"));
        for (OutputFile file : files) {
            Path target = folder.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.write(target, file.content());
        }
        Path page = folder.resolve(ReportEmitter.HTML_PATH);
        String source = Files.readString(page, StandardCharsets.UTF_8);

        Run dom = chromium(profile.resolve("dom"), "--dump-dom", page.toUri().toString());
        assertThat(dom.exitCode()).as("chromium --dump-dom exit code").isZero();
        assertThat(dom.console()).as("console messages of the report page").isEmpty();
        String rendered = dom.stdout();
        assertThat(rendered).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"topology\"")
                .contains("<title id=\"topology-title\">Topology of cluster oci-home</title>");
        assertThat(count(rendered, "<table>")).as("tables in the rendered page").isEqualTo(count(source, "<table>")).isGreaterThan(15);
        assertThat(count(rendered, "<tr")).isEqualTo(count(source, "<tr"));
        for (String id : List.of("topology", "ip-allocation", "exposure", "firewall", "connectivity", "manifests", "bootstrap-runbook", "upgrade")) {
            assertThat(rendered).contains("<section id=\"" + id + "\">");
        }
        assertThat(rendered).doesNotContain("<parsererror");

        Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        Run shot = chromium(profile.resolve("shot"), "--screenshot=" + screenshot, "--window-size=" + WIDTH + "," + HEIGHT,
                page.toUri().toString());
        assertThat(shot.exitCode()).as("chromium --screenshot exit code").isZero();
        assertThat(shot.console()).isEmpty();
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image).as("screenshot " + screenshot).isNotNull();
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        // the diagram was painted: its public path (orange) and its bridge bar (teal) are on the screen
        assertThat(pixels(image, 0xea580c)).as("orange public-path pixels").isGreaterThan(300);
        assertThat(pixels(image, 0x0f766e)).as("teal bridge pixels").isGreaterThan(3000);
    }

    @Test
    void consoleErrorsAndBlockedLoadsAreDetected(@TempDir Path dir) throws Exception {
        // the detector must see what it is meant to catch, or the test above proves nothing
        Path page = dir.resolve("broken.html");
        Files.writeString(page, """
                <!DOCTYPE html><html><head><meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
                <title>broken</title></head><body><p>x</p><img src="https://example.invalid/x.png" alt=""></body></html>
                """);
        Run blocked = chromium(dir.resolve("profile-csp"), "--dump-dom", page.toUri().toString());
        assertThat(blocked.console()).anyMatch(line -> line.contains("Content Security Policy"));

        Path script = dir.resolve("script.html");
        Files.writeString(script, "<!DOCTYPE html><html><head><title>s</title></head><body><script>missingFunction();</script></body></html>");
        Run thrown = chromium(dir.resolve("profile-js"), "--dump-dom", script.toUri().toString());
        assertThat(thrown.console()).anyMatch(line -> line.contains("Uncaught ReferenceError"));
    }

    private static Run chromium(Path profile, String... arguments) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                // no name resolves: a page that needed the network would fail to load, not fetch
                "--host-resolver-rules=MAP * ~NOTFOUND"));
        command.addAll(List.of(arguments));
        Path out = profile.resolve("stdout.txt");
        Path err = profile.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        List<String> console = Files.readAllLines(err, StandardCharsets.UTF_8).stream().filter(l -> CONSOLE.matcher(l).matches()).toList();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), console);
    }

    private static long count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Pixels within a small distance of {@code rgb}. */
    private static long pixels(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) < 12 && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) < 12
                        && Math.abs((p & 255) - (rgb & 255)) < 12) {
                    n++;
                }
            }
        }
        return n;
    }
}
