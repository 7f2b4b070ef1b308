package dev.clusterspec.publish;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.clusterspec.BuildLog;
import dev.clusterspec.publish.PublishException.Reason;

/**
 * Makes a checked-out work tree hold the generated content: writes every generated file, deletes
 * managed files that are no longer generated, keeps content-addressed and unmanaged files.
 */
final class WorkTreeSync {

    private WorkTreeSync() {
    }

    static void apply(Path workTree, Map<String, byte[]> generated, PathRules rules, BuildLog log)
            throws PublishException {
        try {
            for (String existing : filesIn(workTree)) {
                if (!generated.containsKey(existing) && rules.isManaged(existing) && !rules.isKept(existing)) {
                    log.debug("Removing " + existing + " (managed, no longer generated)");
                    Files.delete(workTree.resolve(existing));
                }
            }
            removeEmptyFolders(workTree);
            for (Map.Entry<String, byte[]> file : generated.entrySet()) {
                write(workTree, file.getKey(), file.getValue());
            }
        } catch (IOException e) {
            throw new PublishException(Reason.WORK_DIR, "cannot update the cache clone " + workTree + ": " + e, e);
        }
    }

    private static void write(Path workTree, String path, byte[] content) throws IOException, PublishException {
        Path target = workTree.resolve(path);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new PublishException(Reason.INVALID_SOURCE, "the manifest repo has a folder " + path
                    + " that is not managed by the generator, but the generator writes a file there");
        }
        for (Path parent = target.getParent(); !parent.equals(workTree); parent = parent.getParent()) {
            if (Files.isSymbolicLink(parent)) {
                // the remote's content is not ours to trust: never write through a link it placed
                throw new PublishException(Reason.INVALID_SOURCE, "the manifest repo has a symbolic link "
                        + workTree.relativize(parent) + " where the generator writes " + path);
            }
            if (Files.isRegularFile(parent, LinkOption.NOFOLLOW_LINKS)) {
                throw new PublishException(Reason.INVALID_SOURCE, "the manifest repo has a file "
                        + workTree.relativize(parent) + " that is not managed by the generator, but the generator "
                        + "writes " + path + " below it");
            }
        }
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Arrays.equals(Files.readAllBytes(target), content)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        Files.write(target, content);
    }

    /** Files below the work tree, relative and '/'-separated; the .git folder is not part of it. */
    static SortedSet<String> filesIn(Path workTree) throws IOException {
        SortedSet<String> files = new TreeSet<>();
        Files.walkFileTree(workTree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(workTree.resolve(".git")) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                files.add(workTree.relativize(file).toString().replace('\\', '/'));
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static void removeEmptyFolders(Path workTree) throws IOException {
        Files.walkFileTree(workTree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(workTree.resolve(".git")) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (!dir.equals(workTree)) {
                    try (var entries = Files.list(dir)) {
                        if (entries.findAny().isEmpty()) {
                            Files.delete(dir);
                        }
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
