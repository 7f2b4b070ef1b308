package dev.clusterspec.spec;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The folder of {@code cluster.yaml}, the only place {@code ${file:}} secrets may come from. A spec
 * can arrive from a branch or a pull request; if it could name any path, generating it would copy
 * whatever the build user can read (an SSH key, a cloud credential) into the Talos configs. So a
 * path must be relative, must not climb out with {@code ..}, and must still be inside the folder
 * once every symbolic link on the way is followed.
 */
public final class SpecFolder {

    private final Path root;

    public SpecFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static SpecFolder of(Path specFile) {
        return new SpecFolder(specFile.toAbsolutePath().getParent());
    }

    public Path root() {
        return root;
    }

    /** Where a relative path written in the spec points, checked by its text alone (no file system access). */
    public Path resolve(String relative) throws OutsideException {
        Path path;
        try {
            path = Path.of(relative);
        } catch (InvalidPathException e) {
            throw new OutsideException("'" + relative + "' is not a valid path (" + e.getReason() + ")");
        }
        if (path.isAbsolute() || path.getRoot() != null) {
            throw new OutsideException("it is an absolute path; write it relative to the spec's folder " + root
                    + " (e.g. secrets/token) and keep the file inside that folder");
        }
        Path resolved = root.resolve(path).normalize();
        if (resolved.equals(root)) {
            throw new OutsideException("it names the spec's folder itself, not a file in it");
        }
        if (!resolved.startsWith(root)) {
            throw new OutsideException("the path leaves the spec's folder " + root
                    + "; secret files must be inside it (e.g. secrets/token), so that a spec cannot read other files of this machine");
        }
        return resolved;
    }

    /**
     * The file itself with every symbolic link followed, which must still be inside the folder (the
     * folder's own path may go through links: it is compared in the same resolved form).
     *
     * @throws NoSuchFileException when the file (or a link's target) does not exist
     */
    public Path real(Path resolved) throws IOException, OutsideException {
        Path real = resolved.toRealPath();
        if (!real.startsWith(root.toRealPath())) {
            throw new OutsideException("it is (through a symbolic link) a file outside the spec's folder " + root
                    + "; copy the file into the folder instead of linking to it");
        }
        return real;
    }

    /** A path that is not allowed; the message says why and what to do, and names no file content. */
    public static final class OutsideException extends Exception {
        private static final long serialVersionUID = 1L;

        OutsideException(String message) {
            super(message);
        }
    }
}
