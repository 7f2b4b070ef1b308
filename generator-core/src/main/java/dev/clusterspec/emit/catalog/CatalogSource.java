package dev.clusterspec.emit.catalog;

import dev.clusterspec.Sha256;

/**
 * Where the bytes of a pinned catalog file come from. Every implementation returns only bytes whose
 * sha256 matches the catalog entry; anything else is a {@link CatalogException}.
 */
public interface CatalogSource {

    byte[] fetch(CatalogFile file);

    /** Checks what a source obtained against the pin; shared so that no source can skip it. */
    static byte[] verified(CatalogFile file, byte[] content, String origin) {
        String actual = Sha256.hex(content);
        if (!actual.equals(file.sha256())) {
            throw new CatalogException(file.name() + " from " + origin + " has sha256 " + actual + ", but the version catalog pins "
                    + file.sha256() + "; the file is not the pinned upstream file and is not used");
        }
        return content;
    }
}
