package dev.clusterspec.write;

import dev.clusterspec.emit.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/**
 * Writes a complete output folder or nothing: everything goes into a sibling staging folder that
 * replaces the previous output only once it is whole, so a failed run leaves the last good output
 * in place. Secret files are created owner-only.
 *
 * <p>A file whose bytes (and, for a secret, owner-only permissions) are the same as in the previous
 * output is hard-linked into the staging folder instead of written again: it keeps its timestamp,
 * so tools that watch the folder see only what changed, and at thousands of nodes rewriting the
 * same hundred megabytes was half of a regenerate.
 */
public final class OutputWriter {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private OutputWriter() {}

    public static void replace(Path outputDir, Collection<OutputFile> files, String indexPath, String indexJson) {
        Path parent = outputDir.toAbsolutePath().getParent();
        Path staging = parent.resolve(outputDir.getFileName() + ".staging");
        Path previous = parent.resolve(outputDir.getFileName() + ".previous");
        try {
            Files.createDirectories(parent);
            deleteTree(staging);
            deleteTree(previous);
            Files.createDirectories(staging);
            for (OutputFile file : files) {
                Path target = staging.resolve(file.path());
                if (!linkedUnchanged(outputDir.resolve(file.path()), target, file)) {
                    write(target, file.content(), file.secret());
                }
            }
            write(staging.resolve(indexPath), indexJson.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
            if (Files.exists(outputDir)) {
                move(outputDir, previous);
            }
            move(staging, outputDir);
            deleteTree(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outputDir + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path target, byte[] content, boolean secret) throws IOException {
        Files.createDirectories(target.getParent());
        if (secret && supportsPosix(target)) {
            Files.createFile(target, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.write(target, content);
        } else {
            Files.write(target, content);
        }
    }

    /** Links {@code earlier} as {@code target} when it holds what {@code file} would; false when it was not linked. */
    private static boolean linkedUnchanged(Path earlier, Path target, OutputFile file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(earlier, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() != file.content().length) {
                return false;
            }
            if (file.secret() && supportsPosix(earlier) && !Files.getPosixFilePermissions(earlier).equals(OWNER_ONLY)) {
                return false;
            }
            if (!Arrays.equals(Files.readAllBytes(earlier), file.content())) {
                return false;
            }
            Files.createDirectories(target.getParent());
            Files.createLink(target, earlier);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no earlier file, or a file system without hard links: the file is written
            return false;
        }
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
