package dev.clusterspec.publish;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.eclipse.jgit.lib.Repository;

/**
 * Everything one publish needs. Build it with {@link #builder(String, Path, Path)}.
 *
 * @param remoteUrl    the manifest repo, e.g. {@code https://github.com/you/k8s-manifests.git}; must not
 *                     carry a password (give {@link #credentials()} instead)
 * @param branch       the branch to publish to, e.g. {@code main}
 * @param workDir      the local cache clone, e.g. {@code target/cluster/publish-cache}; created when
 *                     absent, reused (fetched and hard-reset) afterwards
 * @param sourceDir    the generated manifest-repo folder; only read, never modified
 * @param managedPaths paths the generator owns, relative to the repo root: a file, or a folder and all
 *                     below it. A file under them that is no longer generated is deleted; files outside
 *                     them (a README someone wrote) are never touched
 * @param keepPaths    folders (or files) whose existing files are never deleted even when managed: the
 *                     content-addressed folders, whose older {@code <sha256-prefix>.yaml} files Talos
 *                     configs in the field may still reference
 * @param specName     the cluster's name, for the commit message
 * @param specHash     the spec's hash (hex, optionally prefixed {@code sha256:}), for the commit message
 * @param authorName   commit author and committer name
 * @param authorEmail  commit author and committer e-mail
 * @param credentials  user and token, or null for a server without authentication
 * @param dryRun       compute and report the changes without committing or pushing
 * @param maxRetries   how often to fetch and retry when another writer moved the branch (0 = no retry)
 */
public record PublishRequest(String remoteUrl, String branch, Path workDir, Path sourceDir,
                             Set<String> managedPaths, Set<String> keepPaths,
                             String specName, String specHash,
                             String authorName, String authorEmail,
                             Credentials credentials, boolean dryRun, int maxRetries) {

    public static final String DEFAULT_BRANCH = "main";
    public static final String BOT_NAME = "clusterspec";
    public static final String BOT_EMAIL = "clusterspec@localhost";
    public static final int DEFAULT_MAX_RETRIES = 3;

    /** scheme://user:password@ — a password in the URL would end up in logs and in .git/config. */
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@]*:[^/@]*@.*");

    public PublishRequest {
        requireText(remoteUrl, "remoteUrl");
        if (URL_WITH_PASSWORD.matcher(remoteUrl).matches()) {
            throw new IllegalArgumentException("the manifest repo URL must not contain a password; "
                    + "give the token as credentials (settings.xml <server> or an environment variable)");
        }
        requireText(branch, "branch");
        if (!Repository.isValidRefName("refs/heads/" + branch)) {
            throw new IllegalArgumentException("'" + branch + "' is not a valid git branch name");
        }
        workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath().normalize();
        sourceDir = Objects.requireNonNull(sourceDir, "sourceDir").toAbsolutePath().normalize();
        if (workDir.startsWith(sourceDir) || sourceDir.startsWith(workDir)) {
            throw new IllegalArgumentException("the cache clone " + workDir + " and the generated folder "
                    + sourceDir + " must not contain each other");
        }
        managedPaths = normalize(managedPaths, "managedPaths");
        if (managedPaths.isEmpty()) {
            throw new IllegalArgumentException("managedPaths is empty: name the files and folders the generator owns");
        }
        keepPaths = normalize(keepPaths, "keepPaths");
        requireText(specName, "specName");
        requireText(specHash, "specHash");
        requireText(authorName, "authorName");
        requireText(authorEmail, "authorEmail");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
    }

    public static Builder builder(String remoteUrl, Path sourceDir, Path workDir) {
        return new Builder(remoteUrl, sourceDir, workDir);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
    }

    /** Sorted, '/'-separated, no leading "./" or trailing "/"; no absolute paths, ".." or ".git". */
    private static Set<String> normalize(Collection<String> paths, String name) {
        Objects.requireNonNull(paths, name);
        Set<String> normalized = new TreeSet<>();
        for (String raw : paths) {
            String p = raw.replace('\\', '/');
            while (p.startsWith("./")) {
                p = p.substring(2);
            }
            while (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            List<String> segments = List.of(p.split("/", -1));
            if (p.isEmpty() || raw.startsWith("/") || segments.contains("..") || segments.contains(".")
                    || segments.contains("") || segments.contains(".git")) {
                throw new IllegalArgumentException(name + " entry '" + raw
                        + "' must be a relative path inside the repo (no '..', no '.git')");
            }
            normalized.add(p);
        }
        return Collections.unmodifiableSet(normalized);
    }

    @Override
    public String toString() {
        return "PublishRequest[remoteUrl=" + remoteUrl + ", branch=" + branch + ", workDir=" + workDir
                + ", sourceDir=" + sourceDir + ", managedPaths=" + managedPaths + ", keepPaths=" + keepPaths
                + ", specName=" + specName + ", specHash=" + specHash + ", author=" + authorName + " <"
                + authorEmail + ">, credentials=" + credentials + ", dryRun=" + dryRun
                + ", maxRetries=" + maxRetries + "]";
    }

    /** Defaults: branch {@code main}, the clusterspec bot as author, no credentials, 3 retries. */
    public static final class Builder {
        private final String remoteUrl;
        private final Path sourceDir;
        private final Path workDir;
        private String branch = DEFAULT_BRANCH;
        private Set<String> managedPaths = Set.of();
        private Set<String> keepPaths = Set.of();
        private String specName;
        private String specHash;
        private String authorName = BOT_NAME;
        private String authorEmail = BOT_EMAIL;
        private Credentials credentials;
        private boolean dryRun;
        private int maxRetries = DEFAULT_MAX_RETRIES;

        private Builder(String remoteUrl, Path sourceDir, Path workDir) {
            this.remoteUrl = remoteUrl;
            this.sourceDir = sourceDir;
            this.workDir = workDir;
        }

        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        public Builder managedPaths(Collection<String> paths) {
            this.managedPaths = Set.copyOf(paths);
            return this;
        }

        public Builder keepPaths(Collection<String> paths) {
            this.keepPaths = Set.copyOf(paths);
            return this;
        }

        public Builder spec(String name, String hash) {
            this.specName = name;
            this.specHash = hash;
            return this;
        }

        public Builder author(String name, String email) {
            this.authorName = name;
            this.authorEmail = email;
            return this;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public PublishRequest build() {
            return new PublishRequest(remoteUrl, branch, workDir, sourceDir, managedPaths, keepPaths,
                    specName, specHash, authorName, authorEmail, credentials, dryRun, maxRetries);
        }
    }
}
