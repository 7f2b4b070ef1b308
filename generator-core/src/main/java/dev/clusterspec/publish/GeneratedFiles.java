package dev.clusterspec.publish;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.clusterspec.publish.PublishException.Reason;

/** Reads the generated manifest-repo folder into memory, once, without changing it. */
final class GeneratedFiles {

    private GeneratedFiles() {
    }

    /** Relative '/'-separated path to content, sorted by path. */
    static SortedMap<String, byte[]> read(Path sourceDir) throws PublishException {
        if (!Files.isDirectory(sourceDir, LinkOption.NOFOLLOW_LINKS)) {
            throw new PublishException(Reason.INVALID_SOURCE, "the generated manifest-repo folder " + sourceDir
                    + " does not exist: generate it first (cluster:generate)");
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try {
            Files.walkFileTree(sourceDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(sourceDir) && dir.getFileName().toString().equals(".git")) {
                        throw new InvalidSource(sourceDir.relativize(dir) + " is a git folder; the generated "
                                + "manifest-repo folder must hold plain files only");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String relative = sourceDir.relativize(file).toString().replace('\\', '/');
                    if (!attrs.isRegularFile()) {
                        throw new InvalidSource(relative + " in " + sourceDir
                                + " is not a regular file (a link?); the manifest repo takes regular files only");
                    }
                    files.put(relative, Files.readAllBytes(file));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (InvalidSource e) {
            throw new PublishException(Reason.INVALID_SOURCE, e.getMessage());
        } catch (IOException e) {
            throw new PublishException(Reason.INVALID_SOURCE, "cannot read the generated manifest-repo folder "
                    + sourceDir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new PublishException(Reason.INVALID_SOURCE, "the generated manifest-repo folder " + sourceDir
                    + " is empty; publishing it would delete every managed file: generate it first");
        }
        return Collections.unmodifiableSortedMap(files);
    }

    /** Carries a user-facing reason out of the file visitor. */
    private static final class InvalidSource extends IOException {
        private static final long serialVersionUID = 1L;

        InvalidSource(String message) {
            super(message);
        }
    }
}
