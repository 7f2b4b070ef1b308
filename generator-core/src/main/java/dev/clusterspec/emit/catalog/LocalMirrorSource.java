package dev.clusterspec.emit.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Catalog files from a local folder holding the upstream files under their catalog names (an
 * offline mirror, or the reference copies tests use). Content is verified against the pinned sha256.
 */
public final class LocalMirrorSource implements CatalogSource {

    private final Path folder;

    public LocalMirrorSource(Path folder) {
        this.folder = folder;
    }

    @Override
    public byte[] fetch(CatalogFile file) {
        Path path = folder.resolve(file.name());
        try {
            return CatalogSource.verified(file, Files.readAllBytes(path), path.toString());
        } catch (NoSuchFileException e) {
            throw new CatalogException("the mirror folder " + folder + " has no " + file.name() + " (upstream: " + file.url() + ")", e);
        } catch (IOException e) {
            throw new CatalogException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
