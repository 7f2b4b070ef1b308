package dev.clusterspec.emit.catalog;

import dev.clusterspec.Sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.clusterspec.emit.AddonFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalog files reach the generator only when their bytes match the pinned sha256: from a local
 * mirror (what tests and offline builds use) or downloaded once into a cache (served here by a
 * small HTTP server on 127.0.0.1).
 */
class CatalogSourceTest {

    private static final CatalogFile TAILNETS = VersionCatalog.bundled().tailscaleOperator("1.102.3").crds().stream()
            .filter(f -> f.name().equals("tailscale.com_tailnets.yaml")).findFirst().orElseThrow();

    @TempDir
    Path temp;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile byte[] served;
    private volatile int status = 200;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = status == 200 ? served : new byte[0];
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void theLocalMirrorGivesThePinnedBytes() throws IOException {
        byte[] bytes = new LocalMirrorSource(AddonFixtures.tailscaleCrdMirror()).fetch(TAILNETS);
        assertThat(Sha256.hex(bytes)).isEqualTo(TAILNETS.sha256());
        assertThat(bytes).isEqualTo(Files.readAllBytes(AddonFixtures.tailscaleCrdMirror().resolve(TAILNETS.name())));
    }

    @Test
    void aTamperedOrMissingMirrorFileIsRefused() throws IOException {
        Path original = AddonFixtures.tailscaleCrdMirror().resolve(TAILNETS.name());
        Files.writeString(temp.resolve(TAILNETS.name()), Files.readString(original).replace("Tailnet", "Tai1net"));
        assertThatThrownBy(() -> new LocalMirrorSource(temp).fetch(TAILNETS))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("sha256").hasMessageContaining(TAILNETS.sha256());
        assertThatThrownBy(() -> new LocalMirrorSource(temp.resolve("empty")).fetch(TAILNETS))
                .isInstanceOf(CatalogException.class).hasMessageContaining("has no " + TAILNETS.name());
    }

    @Test
    void downloadsOnceThenServesFromTheCacheOffline() throws IOException {
        served = Files.readAllBytes(AddonFixtures.tailscaleCrdMirror().resolve(TAILNETS.name()));
        CatalogFile local = at(TAILNETS, "/crds/" + TAILNETS.name());
        Path cache = temp.resolve("cache");
        assertThat(new HttpCatalogSource(cache).fetch(local)).isEqualTo(served);
        assertThat(requests).hasValue(1);
        server.stop(0);
        assertThat(new HttpCatalogSource(cache).fetch(local)).isEqualTo(served);
        assertThat(requests).hasValue(1);
    }

    @Test
    void aDownloadThatDoesNotMatchThePinIsRefusedAndNotCached() {
        served = "apiVersion: v1\nkind: ConfigMap\n".getBytes();
        Path cache = temp.resolve("cache");
        assertThatThrownBy(() -> new HttpCatalogSource(cache).fetch(at(TAILNETS, "/evil.yaml")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("not the pinned upstream file");
        assertThat(cache.resolve(TAILNETS.sha256() + "-" + TAILNETS.name())).doesNotExist();
    }

    @Test
    void anHttpErrorNamesTheUrl() {
        status = 404;
        assertThatThrownBy(() -> new HttpCatalogSource(temp).fetch(at(TAILNETS, "/missing.yaml")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("HTTP 404").hasMessageContaining("/missing.yaml");
    }

    private CatalogFile at(CatalogFile file, String path) {
        return new CatalogFile(file.name(), "http://127.0.0.1:" + server.getAddress().getPort() + path, file.sha256(), file.size());
    }
}
