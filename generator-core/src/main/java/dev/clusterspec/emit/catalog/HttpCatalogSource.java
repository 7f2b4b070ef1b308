package dev.clusterspec.emit.catalog;

import dev.clusterspec.Sha256;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Catalog files downloaded from their pinned upstream URLs into a cache folder, named by their
 * sha256, so each file is downloaded once per machine and a later run works offline. A cached file
 * that no longer matches its pin is downloaded again; a download that does not match is refused.
 */
public final class HttpCatalogSource implements CatalogSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path cacheDir;
    private final HttpClient client;

    public HttpCatalogSource(Path cacheDir) {
        this(cacheDir, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(TIMEOUT).build());
    }

    public HttpCatalogSource(Path cacheDir, HttpClient client) {
        this.cacheDir = cacheDir;
        this.client = client;
    }

    @Override
    public byte[] fetch(CatalogFile file) {
        Path cached = cacheDir.resolve(file.sha256() + "-" + file.name());
        if (Files.isRegularFile(cached)) {
            try {
                byte[] content = Files.readAllBytes(cached);
                if (Sha256.hex(content).equals(file.sha256())) {
                    return content;
                }
            } catch (IOException e) {
                // unreadable cache entry: fall through and download it again
            }
        }
        byte[] content = CatalogSource.verified(file, download(file), file.url());
        store(cached, content);
        return content;
    }

    private byte[] download(CatalogFile file) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(file.url())).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new CatalogException("downloading " + file.url() + " failed with HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new CatalogException("downloading " + file.url() + " failed: " + e.getMessage()
                    + " (offline? point the catalog at a local mirror folder instead)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException("downloading " + file.url() + " was interrupted", e);
        }
    }

    private void store(Path cached, byte[] content) {
        try {
            Files.createDirectories(cacheDir);
            Path temp = Files.createTempFile(cacheDir, ".download-", ".tmp");
            Files.write(temp, content);
            try {
                Files.move(temp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, cached, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the cache is an optimisation: a verified download is still usable without it
        }
    }
}
