package dev.clusterspec.publish;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Collectors;

import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;

import dev.clusterspec.BuildLog;
import dev.clusterspec.publish.CacheClone.PushReport;
import dev.clusterspec.publish.PublishException.Reason;
import dev.clusterspec.secretscan.SecretFinding;
import dev.clusterspec.secretscan.SecretScanner;

/**
 * Publishes the generated manifest-repo folder to its git remote:
 * <ol>
 * <li>read the generated files and refuse the whole publish if any holds a secret;</li>
 * <li>fetch the branch into a cache clone and reset to it (an empty remote starts the branch);</li>
 * <li>replace the generator-owned content: write every generated file, delete managed files no longer
 *     generated, keep content-addressed files and files the generator does not own;</li>
 * <li>stage everything and commit only if something changed;</li>
 * <li>push {@code refs/heads/<branch>} explicitly, with a lease on the tip the commit was built on;
 *     when another writer moved the branch, start over on top of it, up to {@code maxRetries} times.</li>
 * </ol>
 * The generated folder is only read. Neither logs nor exception messages carry the token.
 */
public final class ManifestRepoPublisher {

    private final BuildLog log;
    private final SecretScanner scanner;

    public ManifestRepoPublisher(BuildLog log) {
        this(log, new SecretScanner());
    }

    public ManifestRepoPublisher(BuildLog log, SecretScanner scanner) {
        this.log = Objects.requireNonNull(log, "log");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
    }

    /**
     * Publishes (or, with {@link PublishRequest#dryRun()}, previews) the generated content.
     * In a dry run the cache clone is left with the new content staged but not committed, so a
     * caller can show a diff from it; the next publish resets it.
     *
     * @throws PublishException with a message that says what went wrong and what to do
     */
    public PublishResult publish(PublishRequest request) throws PublishException {
        Objects.requireNonNull(request, "request");
        Redactor redactor = new Redactor(request.credentials());
        BuildLog safeLog = redactor.wrap(log);
        String url = Redactor.displayUrl(request.remoteUrl());

        SortedMap<String, byte[]> generated = GeneratedFiles.read(request.sourceDir());
        refuseSecrets(generated);
        PathRules rules = PathRules.of(request);
        generated.keySet().stream().filter(path -> !rules.isManaged(path)).forEach(path -> safeLog.warn(
                "Generated file " + path + " is outside the managed paths " + request.managedPaths()
                        + ": it will not be removed once it is no longer generated"));

        safeLog.info((request.dryRun() ? "Dry run: comparing " : "Publishing ") + generated.size() + " files to "
                + url + " (branch " + request.branch() + ")");
        try (CacheClone clone = CacheClone.open(request.workDir(), request.remoteUrl(), request.branch(),
                request.credentials(), safeLog)) {
            return publish(request, generated, rules, clone, safeLog, redactor);
        } catch (GitAPIException | JGitInternalException e) {
            throw TransportFailures.map(e, request, redactor);
        } catch (IOException e) {
            throw new PublishException(Reason.WORK_DIR, "cannot use the publish cache clone " + request.workDir()
                    + ": " + redactor.redact(String.valueOf(e.getMessage()))
                    + " (deleting that folder is safe: it is only a cache)", redactor.isClean(e) ? e : null);
        }
    }

    private PublishResult publish(PublishRequest request, SortedMap<String, byte[]> generated, PathRules rules,
                                  CacheClone clone, BuildLog log, Redactor redactor)
            throws GitAPIException, IOException, PublishException {
        String url = Redactor.displayUrl(request.remoteUrl());
        int maxAttempts = request.maxRetries() + 1;
        for (int attempt = 1; ; attempt++) {
            ObjectId remoteTip = clone.resetToRemote(request.branch());
            WorkTreeSync.apply(clone.workTree(), generated, rules, log);
            Changes changes = clone.stageAll(generated.keySet());

            if (request.dryRun()) {
                log.info("Dry run: would commit " + changes.summary() + "; nothing committed or pushed");
                logFiles(changes, log);
                return result(Optional.empty(), changes, false, attempt, true);
            }
            if (changes.isEmpty()) {
                log.info("The manifest repo is up to date" + (remoteTip == null ? "" : " at " + abbreviate(remoteTip))
                        + ": nothing to commit");
                return result(Optional.empty(), changes, false, attempt, false);
            }

            ObjectId commit = clone.commit(CommitMessage.of(request.specName(), request.specHash(), changes),
                    new PersonIdent(request.authorName(), request.authorEmail()));
            log.info("Committed " + abbreviate(commit) + ": " + changes.summary());
            logFiles(changes, log);

            PushReport push = clone.push(request.branch(), remoteTip);
            switch (push.outcome()) {
                case PUSHED:
                    log.info("Pushed " + abbreviate(commit) + " to " + url + " (branch " + request.branch() + ")");
                    return result(Optional.of(commit.name()), changes, true, attempt, false);
                case REMOTE_MOVED:
                    if (attempt >= maxAttempts) {
                        throw new PublishException(Reason.RETRIES_EXHAUSTED, "gave up publishing to " + url
                                + ": branch " + request.branch() + " kept moving on the server while publishing ("
                                + attempt + " attempts, " + request.maxRetries() + " retries); another job is "
                                + "pushing to it at the same time: run publish again, or let only one job publish");
                    }
                    log.warn("Branch " + request.branch() + " of " + url + " moved while publishing (attempt "
                            + attempt + " of " + maxAttempts + "); fetching it and publishing again on top of it");
                    break;
                case REJECTED:
                default:
                    throw new PublishException(Reason.REJECTED, "the git server at " + url + " rejected the push to "
                            + "branch " + request.branch() + ": " + redactor.redact(push.detail()) + " (a protected branch or a "
                            + "server-side hook? let the token's user push to this branch or publish to another one)");
            }
        }
    }

    private void refuseSecrets(SortedMap<String, byte[]> generated) throws PublishException {
        List<SecretFinding> findings = scanner.scan(generated);
        if (!findings.isEmpty()) {
            throw new PublishException(Reason.SECRET_FOUND, "refusing to publish: the manifest repo must never hold "
                    + "secrets, but the generated content has " + findings.size() + " finding(s):\n"
                    + findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n"))
                    + "\nsecrets belong in the Talos configs (inlineManifests), not in the manifest repo",
                    null, findings);
        }
    }

    private static void logFiles(Changes changes, BuildLog log) {
        changes.added().forEach(p -> log.debug("  added   " + p));
        changes.changed().forEach(p -> log.debug("  changed " + p));
        changes.removed().forEach(p -> log.debug("  removed " + p));
    }

    private static PublishResult result(Optional<String> commit, Changes changes, boolean pushed, int attempts,
                                        boolean dryRun) {
        return new PublishResult(commit, changes.added(), changes.changed(), changes.removed(), pushed, attempts,
                dryRun);
    }

    private static String abbreviate(ObjectId id) {
        return id.abbreviate(12).name();
    }
}
