package dev.clusterspec.write;

import dev.clusterspec.emit.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.charset.StandardCharsets;
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
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a complete output folder or nothing: everything goes into a sibling staging folder that
 * replaces the previous output only once it is whole, so a failed run leaves the last good output
 * in place. Secret files are created owner-only.
 *
 * <p>What is already there is not written again. When the folder holds exactly these files and this
 * index, byte for byte (secrets still owner-only), and nothing else, it is left as it is. Otherwise
 * a file whose bytes are the same as in the previous output is hard-linked into the staging folder
 * instead of written. Either way an unchanged file keeps its timestamp, so tools that watch the
 * folder see only what changed; at thousands of nodes rewriting the same hundred megabytes was half
 * of a regenerate.
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
            byte[] index = indexJson.getBytes(StandardCharsets.UTF_8);
            if (holdsExactly(outputDir, files, indexPath, index)) {
                return;
            }
            Files.createDirectories(staging);
            for (OutputFile file : files) {
                Path target = staging.resolve(file.path());
                if (!linkedUnchanged(outputDir.resolve(file.path()), target, file)) {
                    write(target, file.content(), file.secret());
                }
            }
            write(staging.resolve(indexPath), index, false);
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

    /** True when the folder holds these files and this index with these bytes, and nothing else. */
    private static boolean holdsExactly(Path outputDir, Collection<OutputFile> files, String indexPath, byte[] index) throws IOException {
        if (!Files.isDirectory(outputDir, LinkOption.NOFOLLOW_LINKS) || !holds(outputDir.resolve(indexPath), index, false)) {
            return false;
        }
        Set<String> expected = new HashSet<>();
        expected.add(indexPath);
        for (OutputFile file : files) {
            if (!holds(outputDir.resolve(file.path()), file.content(), file.secret())) {
                return false;
            }
            expected.add(file.path());
        }
        Set<String> folders = new HashSet<>();
        for (String path : expected) {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                folders.add(path.substring(0, slash));
            }
        }
        try (Stream<Path> entries = Files.walk(outputDir)) {
            return entries.skip(1)
                    .map(p -> outputDir.relativize(p).toString().replace('\\', '/'))
                    .allMatch(p -> expected.contains(p) || folders.contains(p));
        }
    }

    /** Links {@code earlier} as {@code target} when it holds what {@code file} would; false when it was not linked. */
    private static boolean linkedUnchanged(Path earlier, Path target, OutputFile file) {
        if (!holds(earlier, file.content(), file.secret())) {
            return false;
        }
        try {
            Files.createDirectories(target.getParent());
            Files.createLink(target, earlier);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // a file system without hard links: the file is written
            return false;
        }
    }

    /** True when {@code file} is a regular file with these bytes (and, for a secret, owner-only). */
    private static boolean holds(Path file, byte[] content, boolean secret) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() != content.length) {
                return false;
            }
            if (secret && supportsPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                return false;
            }
            return Arrays.equals(Files.readAllBytes(file), content);
        } catch (IOException | SecurityException e) {
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
