package dev.clusterspec.diff;

import dev.clusterspec.emit.OutputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Loads one side of a diff as relative path to content: from a folder, from emitter output, or
 * from a commit of a local git clone (such as the publisher's cache clone). A prefix puts a
 * repository's files where they sit in the output folder: the manifest repo's root is
 * {@code manifest-repo/} of {@code target/cluster/}.
 */
public final class DiffSources {

    /** Never part of a side: git's own folder and the generator's bookkeeping (output index). */
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", ".clusterspec");

    private DiffSources() {}

    public static SortedMap<String, byte[]> folder(Path dir) throws DiffSourceException {
        return folder(dir, "");
    }

    /**
     * Every regular file below {@code dir} (recursively, relative '/'-separated paths, each with
     * {@code prefix} in front), without {@code .git} and {@code .clusterspec} folders. Links are not
     * followed.
     */
    public static SortedMap<String, byte[]> folder(Path dir, String prefix) throws DiffSourceException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new DiffSourceException("the folder " + dir + " does not exist (or is not a folder)");
        }
        String base = folderPrefix(prefix);
        SortedMap<String, byte[]> files = new TreeMap<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) {
                    boolean skipped = !folder.equals(dir) && SKIPPED_FOLDERS.contains(folder.getFileName().toString());
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        files.put(base + dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new DiffSourceException("cannot read the folder " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** The files an emitter run produced, by their output paths. */
    public static SortedMap<String, byte[]> outputFiles(Collection<OutputFile> files) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (OutputFile file : files) {
            out.put(file.path(), file.content());
        }
        return out;
    }

    /** The paths of the files flagged secret, for {@link DiffOptions#withSecretPaths}. */
    public static Set<String> secretPaths(Collection<OutputFile> files) {
        Set<String> out = new TreeSet<>();
        files.stream().filter(OutputFile::secret).forEach(f -> out.add(f.path()));
        return out;
    }

    /** Only the files below {@code prefix} (a folder such as {@code manifest-repo/}), keys unchanged. */
    public static SortedMap<String, byte[]> under(Map<String, byte[]> files, String prefix) {
        String base = folderPrefix(prefix);
        SortedMap<String, byte[]> out = new TreeMap<>();
        files.forEach((path, content) -> {
            if (path.startsWith(base)) {
                out.put(path, content);
            }
        });
        return out;
    }

    /**
     * The branch as last fetched from {@code origin} ({@code refs/remotes/origin/<branch>}) in the
     * clone at {@code repository}; empty when the clone has no such branch (nothing published yet).
     */
    public static Optional<SortedMap<String, byte[]>> remoteBranch(Path repository, String branch, String prefix)
            throws DiffSourceException {
        String ref = Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/" + branch;
        try (Git git = open(repository)) {
            Ref found = git.getRepository().exactRef(ref);
            if (found == null) {
                return Optional.empty();
            }
            return Optional.of(tree(git.getRepository(), found.getObjectId(), prefix));
        } catch (IOException e) {
            throw new DiffSourceException("cannot read " + ref + " in " + repository + ": " + e.getMessage(), e);
        }
    }

    /**
     * The files of a commit of the clone at {@code repository} (a work tree or a bare repository):
     * {@code ref} is anything git resolves to a commit or tree ({@code origin/main},
     * {@code refs/remotes/origin/main}, {@code HEAD~1}, a commit id). Regular and executable files
     * only; links and submodules are left out.
     */
    public static SortedMap<String, byte[]> gitRef(Path repository, String ref, String prefix) throws DiffSourceException {
        try (Git git = open(repository)) {
            ObjectId id = git.getRepository().resolve(ref + "^{tree}");
            if (id == null) {
                throw new DiffSourceException("the git repository " + repository + " has no commit or branch '" + ref + "'");
            }
            return tree(git.getRepository(), id, prefix);
        } catch (IOException | RuntimeException e) {
            // JGit reports malformed revision expressions as unchecked exceptions
            throw new DiffSourceException("cannot read '" + ref + "' in " + repository + ": " + e.getMessage(), e);
        }
    }

    private static Git open(Path repository) throws DiffSourceException {
        try {
            return Git.open(repository.toFile());
        } catch (RepositoryNotFoundException e) {
            throw new DiffSourceException("no git repository at " + repository, e);
        } catch (IOException e) {
            throw new DiffSourceException("cannot open the git repository at " + repository + ": " + e.getMessage(), e);
        }
    }

    private static SortedMap<String, byte[]> tree(Repository repository, ObjectId treeish, String prefix)
            throws IOException {
        String base = folderPrefix(prefix);
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (RevWalk revWalk = new RevWalk(repository); TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(revWalk.parseTree(treeish));
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                String path = walk.getPathString();
                if ((mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) || inSkippedFolder(path)) {
                    continue;
                }
                try (InputStream in = repository.open(walk.getObjectId(0), Constants.OBJ_BLOB).openStream()) {
                    files.put(base + path, in.readAllBytes());
                }
            }
        }
        return files;
    }

    private static boolean inSkippedFolder(String path) {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (SKIPPED_FOLDERS.contains(parts[i])) {
                return true;
            }
        }
        return false;
    }

    private static String folderPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }
}
