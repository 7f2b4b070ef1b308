package dev.clusterspec.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The folder of {@code cluster.yaml}, from which the spec may read files it names (patches,
 * manifests). A named file must stay inside it: no absolute path, no {@code ..}, and no symlink
 * that leads out, so a spec cannot make the generator read (and publish) what lies elsewhere.
 */
public final class SpecFolder {

    private final Path folder;

    private SpecFolder(Path folder) {
        this.folder = folder;
    }

    public static SpecFolder of(Path specFile) {
        return new SpecFolder(specFile.toAbsolutePath().normalize().getParent());
    }

    public Path path() {
        return folder;
    }

    /** A problem with a named file; the message says what and what to do. */
    public static final class FileProblem extends Exception {
        FileProblem(String message) {
            super(message, null, false, false);
        }
    }

    /** The regular file {@code relative} names, checked to lie inside the folder. */
    public Path resolve(String relative) throws FileProblem {
        Path path;
        try {
            path = Path.of(relative);
        } catch (InvalidPathException e) {
            throw new FileProblem("'" + relative + "' is not a valid path");
        }
        if (relative.isBlank() || path.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\")) {
            throw new FileProblem("'" + relative + "' must be a path relative to the folder of the spec (" + folder + ")");
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw new FileProblem("'" + relative + "' must not leave the folder of the spec ('..'); keep the file beside cluster.yaml");
            }
        }
        Path file = folder.resolve(path).normalize();
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(folder.toRealPath())) {
                throw new FileProblem("'" + relative + "' is a symbolic link to " + real + ", outside the folder of the spec;"
                        + " copy the file into the folder instead");
            }
            if (!Files.isRegularFile(real)) {
                throw new FileProblem("'" + relative + "' is not a file");
            }
            return file;
        } catch (NoSuchFileException e) {
            throw new FileProblem("no file '" + relative + "' in " + folder);
        } catch (IOException e) {
            throw new FileProblem("cannot read '" + relative + "': " + e.getMessage());
        }
    }

    /** The bytes of the file {@code relative} names, at most {@code maxBytes} of them. */
    public byte[] read(String relative, long maxBytes) throws FileProblem {
        Path file = resolve(relative);
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new FileProblem("'" + relative + "' is " + size + " bytes; at most " + maxBytes + " are read. Is this the right file?");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FileProblem("cannot read '" + relative + "': " + e.getMessage());
        }
    }
}
