package dev.clusterspec.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The folder of {@code cluster.yaml}, the only place the files a spec names (secrets, patches) may
 * come from. A spec can arrive from a branch or a pull request; if it could name any path,
 * generating it would copy whatever the build user can read (an SSH key, a cloud credential) into
 * the outputs. So a path must be relative, must not climb out with {@code ..}, and must still be
 * inside the folder once every symbolic link on the way is followed.
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
        if (relative.isBlank() || path.isAbsolute() || path.getRoot() != null) {
            throw new OutsideException("'" + relative + "': it is an absolute path; write it relative to the spec's folder " + root
                    + " (e.g. secrets/token) and keep the file inside that folder");
        }
        Path resolved = root.resolve(path).normalize();
        if (resolved.equals(root)) {
            throw new OutsideException("'" + relative + "' names the spec's folder itself, not a file in it");
        }
        if (!resolved.startsWith(root)) {
            throw new OutsideException("'" + relative + "': the path leaves the spec's folder " + root
                    + "; the files a spec names must be inside it, so that a spec cannot read other files of this machine");
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
            throw new OutsideException("'" + root.relativize(resolved) + "' is (through a symbolic link) a file outside the spec's folder "
                    + root + "; copy the file into the folder instead of linking to it");
        }
        return real;
    }

    /** The bytes of the regular file {@code relative} names, inside the folder, at most {@code maxBytes} of them. */
    public byte[] read(String relative, long maxBytes) throws OutsideException {
        Path file = resolve(relative);
        try {
            Path real = real(file);
            if (!Files.isRegularFile(real)) {
                throw new OutsideException("'" + relative + "' is not a file");
            }
            long size = Files.size(real);
            if (size > maxBytes) {
                throw new OutsideException("'" + relative + "' is " + size + " bytes; at most " + maxBytes + " are read. Is this the right file?");
            }
            return Files.readAllBytes(real);
        } catch (NoSuchFileException e) {
            throw new OutsideException("no file '" + relative + "' in " + root);
        } catch (IOException e) {
            throw new OutsideException("cannot read '" + relative + "': " + e.getMessage());
        }
    }

    /** A path the spec may not use, or a file it cannot read; the message says why and what to do, and names no file content. */
    public static final class OutsideException extends Exception {
        private static final long serialVersionUID = 1L;

        OutsideException(String message) {
            super(message, null, false, false);
        }
    }
}
