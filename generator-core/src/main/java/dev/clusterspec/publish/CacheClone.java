package dev.clusterspec.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefLeaseSpec;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import dev.clusterspec.BuildLog;
import dev.clusterspec.publish.PublishException.Reason;

/**
 * The local clone the publisher works in. It always starts from the remote's state (fetch + hard
 * reset + clean): the manifest repo is generated output, so it is regenerated on top of whatever
 * the remote has, never merged.
 */
final class CacheClone implements AutoCloseable {

    /** Seconds without progress before a fetch or push gives up, so a hanging server cannot hang a build. */
    static final int TRANSPORT_TIMEOUT_SECONDS = 120;

    private static final String ORIGIN = Constants.DEFAULT_REMOTE_NAME;
    /** Marks a repository as ours, so a folder with someone's real clone is never reset. */
    private static final String MARK_SECTION = "clusterspec";
    private static final String MARK_KEY = "cacheClone";

    /** How the push ended. */
    enum PushOutcome { PUSHED, REMOTE_MOVED, REJECTED }

    record PushReport(PushOutcome outcome, String detail) {
    }

    private final Git git;
    private final Repository repository;
    private final Path workTree;
    private final CredentialsProvider credentials;
    private final BuildLog log;

    private CacheClone(Git git, Path workTree, CredentialsProvider credentials, BuildLog log) {
        this.git = git;
        this.repository = git.getRepository();
        this.workTree = workTree;
        this.credentials = credentials;
        this.log = log;
    }

    /** Opens the cache clone in {@code workDir}, creating it when absent, and points it at {@code remoteUrl}. */
    static CacheClone open(Path workDir, String remoteUrl, String branch, Credentials credentials, BuildLog log)
            throws IOException, GitAPIException, PublishException {
        Git git;
        if (Files.isDirectory(workDir.resolve(Constants.DOT_GIT))) {
            git = Git.open(workDir.toFile());
            if (!git.getRepository().getConfig().getBoolean(MARK_SECTION, MARK_KEY, false)) {
                git.close();
                throw new PublishException(Reason.WORK_DIR, "the folder " + workDir + " holds a git repository "
                        + "that clusterspec did not create; refusing to reset it: choose an empty or new folder "
                        + "for the publish cache");
            }
        } else if (!Files.exists(workDir) || isEmptyFolder(workDir)) {
            log.debug("Creating the publish cache clone in " + workDir);
            git = Git.init().setDirectory(workDir.toFile()).setInitialBranch(branch).call();
        } else {
            throw new PublishException(Reason.WORK_DIR, "the folder " + workDir + " is not empty and not a "
                    + "clusterspec cache clone: choose an empty or new folder for the publish cache");
        }
        CacheClone clone = new CacheClone(git, workDir, credentials == null ? null
                : new UsernamePasswordCredentialsProvider(credentials.username(), credentials.token()), log);
        clone.configure(remoteUrl);
        return clone;
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * Repository-local settings override the user's and the system's git config where those would
     * change what gets committed: line-ending conversion, hooks, global ignore files, signing.
     */
    private void configure(String remoteUrl) throws IOException {
        Path gitDir = repository.getDirectory().toPath();
        Path noHooks = Files.createDirectories(gitDir.resolve("clusterspec-no-hooks"));
        Path noExcludes = gitDir.resolve("clusterspec-no-excludes");
        if (!Files.exists(noExcludes)) {
            Files.createFile(noExcludes);
        }
        StoredConfig config = repository.getConfig();
        config.setBoolean(MARK_SECTION, null, MARK_KEY, true);
        String previousUrl = config.getString(ConfigConstants.CONFIG_REMOTE_SECTION, ORIGIN, ConfigConstants.CONFIG_KEY_URL);
        if (previousUrl != null && !previousUrl.equals(remoteUrl)) {
            log.info("The manifest repo URL changed; the cache clone now follows " + Redactor.displayUrl(remoteUrl));
        }
        config.setString(ConfigConstants.CONFIG_REMOTE_SECTION, ORIGIN, ConfigConstants.CONFIG_KEY_URL, remoteUrl);
        config.setString(ConfigConstants.CONFIG_REMOTE_SECTION, ORIGIN, ConfigConstants.CONFIG_FETCH_SECTION,
                "+refs/heads/*:refs/remotes/" + ORIGIN + "/*");
        config.setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_AUTOCRLF, false);
        config.setString(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_HOOKS_PATH,
                noHooks.toString());
        config.setString(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_EXCLUDESFILE,
                noExcludes.toString());
        config.setBoolean(ConfigConstants.CONFIG_COMMIT_SECTION, null, ConfigConstants.CONFIG_KEY_GPGSIGN, false);
        config.save();
    }

    Path workTree() {
        return workTree;
    }

    /**
     * Makes branch, index and work tree equal the remote branch's tip.
     *
     * @return that tip, or null when the remote has no such branch yet (empty repository)
     */
    ObjectId resetToRemote(String branch) throws GitAPIException, IOException {
        String branchRef = Constants.R_HEADS + branch;
        String trackingRef = Constants.R_REMOTES + ORIGIN + "/" + branch;
        // JGit's fetch fails for a ref the remote lacks, so ask first; this also fails fast on bad credentials
        Collection<Ref> remoteHeads = git.lsRemote().setRemote(ORIGIN).setHeads(true)
                .setCredentialsProvider(credentials).setTimeout(TRANSPORT_TIMEOUT_SECONDS).call();
        boolean remoteHasBranch = remoteHeads.stream().anyMatch(ref -> ref.getName().equals(branchRef));
        if (!remoteHasBranch) {
            log.info("The remote has no branch " + branch + " yet: this publish starts it");
            startUnbornBranch(branchRef, trackingRef);
            return null;
        }
        git.fetch().setRemote(ORIGIN).setRefSpecs(new RefSpec("+" + branchRef + ":" + trackingRef))
                .setTagOpt(TagOpt.NO_TAGS).setCredentialsProvider(credentials)
                .setTimeout(TRANSPORT_TIMEOUT_SECONDS).call();
        ObjectId tip = repository.exactRef(trackingRef).getObjectId();
        linkHead(branchRef);
        RefUpdate update = repository.updateRef(branchRef);
        update.setNewObjectId(tip);
        update.setForceUpdate(true);
        checkRefUpdate(update.update(), branchRef);
        git.reset().setMode(ResetType.HARD).setRef(branchRef).call();
        git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
        log.debug("Cache clone reset to " + tip.name() + " (" + branch + " on the remote)");
        return tip;
    }

    /** An empty remote: HEAD names the branch (unborn), the index and the work tree are empty. */
    private void startUnbornBranch(String branchRef, String trackingRef) throws IOException, GitAPIException {
        // JGit refuses to delete the branch HEAD points to, so point HEAD away first
        linkHead(Constants.R_HEADS + "clusterspec-unborn");
        deleteRef(branchRef);
        deleteRef(trackingRef);
        linkHead(branchRef);
        DirCache index = repository.lockDirCache();
        try {
            index.clear();
            index.write();
            index.commit();
        } finally {
            index.unlock();
        }
        git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
    }

    private void linkHead(String target) throws IOException {
        RefUpdate head = repository.updateRef(Constants.HEAD);
        head.disableRefLog();
        checkRefUpdate(head.link(target), Constants.HEAD);
    }

    private void deleteRef(String name) throws IOException {
        if (repository.exactRef(name) != null) {
            RefUpdate delete = repository.updateRef(name);
            delete.setForceUpdate(true);
            checkRefUpdate(delete.delete(), name);
        }
    }

    private static void checkRefUpdate(RefUpdate.Result result, String ref) throws IOException {
        switch (result) {
            case NEW, FORCED, NO_CHANGE, FAST_FORWARD, RENAMED:
                return;
            default:
                throw new IOException("cannot update " + ref + " in the cache clone: " + result);
        }
    }

    /** {@code git add -A}, then the staged difference against the branch tip. */
    Changes stageAll(Set<String> generatedPaths) throws GitAPIException, IOException, PublishException {
        git.add().addFilepattern(".").setAll(true).call();
        DirCache index = repository.readDirCache();
        for (String path : generatedPaths) {
            if (index.findEntry(path) < 0) {
                throw new PublishException(Reason.INVALID_SOURCE, "the generated file " + path + " is ignored by "
                        + "a .gitignore in the manifest repo, so it would not be published: remove that pattern");
            }
        }
        Status status = git.status().call();
        return new Changes(status.getAdded().stream().toList(), status.getChanged().stream().toList(),
                status.getRemoved().stream().toList());
    }

    ObjectId commit(String message, PersonIdent ident) throws GitAPIException {
        return git.commit().setMessage(message).setAuthor(ident).setCommitter(ident)
                .setSign(false).setNoVerify(true).setAllowEmpty(false).call().getId();
    }

    /**
     * Pushes the branch with an explicit ref spec and a lease on the tip it was built on, so that a
     * remote which moved (even backwards) is detected instead of overwritten.
     */
    PushReport push(String branch, ObjectId expectedRemoteTip) throws GitAPIException {
        String branchRef = Constants.R_HEADS + branch;
        String expected = (expectedRemoteTip == null ? ObjectId.zeroId() : expectedRemoteTip).name();
        Iterable<PushResult> results = git.push().setRemote(ORIGIN)
                .setRefSpecs(new RefSpec(branchRef + ":" + branchRef))
                .setRefLeaseSpecs(new RefLeaseSpec(branchRef, expected))
                .setCredentialsProvider(credentials)
                .setTimeout(TRANSPORT_TIMEOUT_SECONDS)
                .call();
        for (PushResult result : results) {
            String serverMessages = result.getMessages() == null ? "" : result.getMessages().strip();
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                if (update.getRemoteName().equals(branchRef)) {
                    return report(update, serverMessages);
                }
            }
        }
        return new PushReport(PushOutcome.REJECTED, "the server reported no result for " + branchRef);
    }

    private static PushReport report(RemoteRefUpdate update, String serverMessages) {
        String message = update.getMessage() == null ? "" : update.getMessage();
        String detail = (message + (serverMessages.isEmpty() ? "" : " (" + serverMessages.replace('\n', ' ') + ")")).strip();
        switch (update.getStatus()) {
            case OK:
            case UP_TO_DATE:
                return new PushReport(PushOutcome.PUSHED, detail);
            case REJECTED_NONFASTFORWARD:
            case REJECTED_REMOTE_CHANGED:
                return new PushReport(PushOutcome.REMOTE_MOVED, update.getStatus().name());
            case REJECTED_OTHER_REASON:
                // C git's receive-pack compares the ref under a lock; when another push won the race
                // between our ref listing and our update it answers "failed to update ref"
                if (isLostRace(message + "\n" + serverMessages)) {
                    return new PushReport(PushOutcome.REMOTE_MOVED, detail);
                }
                return new PushReport(PushOutcome.REJECTED, detail.isEmpty() ? "no reason given" : detail);
            default:
                return new PushReport(PushOutcome.REJECTED, "the push ended with status " + update.getStatus()
                        + (detail.isEmpty() ? "" : ": " + detail));
        }
    }

    private static boolean isLostRace(String text) {
        return text.contains("failed to update ref") || text.contains("cannot lock ref")
                || text.contains("failed to lock") || text.contains("stale info");
    }

    @Override
    public void close() {
        git.close();
    }
}
