package dev.clusterspec.maven;

import dev.clusterspec.publish.Credentials;
import java.util.function.Function;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The Git credentials for the manifest repo (the idea of jib's MavenSettingsServerCredentials):
 * the settings.xml server first, decrypted as Maven does, then a token from an environment
 * variable. The goals that read or write the repo (publish, diff) compose one from the parameters
 * they share ({@link ManifestRepoMojo}); neither goal inherits the other. The token itself is never logged.
 */
final class GitCredentialsProvider {

    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final String serverId;
    private final String tokenEnv;
    private final String username;
    private final Log log;
    private final Function<String, String> environment;

    /**
     * @param serverId the settings.xml server id given on the command line, or null for the spec's
     * @param tokenEnv the environment variable holding a token when settings.xml has no such server
     * @param username sent with a token from the environment
     */
    GitCredentialsProvider(Settings settings, SettingsDecrypter decrypter, String serverId, String tokenEnv, String username, Log log) {
        this(settings, decrypter, serverId, tokenEnv, username, log, System::getenv);
    }

    /** As above, reading tokenEnv from the given environment (so tests need not set the real one). */
    GitCredentialsProvider(Settings settings, SettingsDecrypter decrypter, String serverId, String tokenEnv, String username, Log log,
                           Function<String, String> environment) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.serverId = serverId;
        this.tokenEnv = tokenEnv;
        this.username = username;
        this.log = log;
        this.environment = environment;
    }

    /** The credentials for the spec's {@code manifestRepo.serverId}, or null to try without. */
    Credentials credentials(String specServerId) {
        String id = serverId != null ? serverId : specServerId;
        Server server = settings == null || id == null ? null : settings.getServer(id);
        if (server != null) {
            SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : decrypted.getProblems()) {
                if (problem.getSeverity() == SettingsProblem.Severity.ERROR || problem.getSeverity() == SettingsProblem.Severity.FATAL) {
                    throw new AbstractClusterMojo.UserInputException("cannot decrypt the credentials of settings.xml server '" + id
                            + "': " + problem.getMessage());
                }
            }
            Server plain = decrypted.getServer();
            log.info("using Git credentials of settings.xml server '" + id + "' (user " + plain.getUsername() + ")");
            return Credentials.of(plain.getUsername(), plain.getPassword());
        }
        String token = tokenEnv == null ? null : environment.apply(tokenEnv);
        if (token != null && !token.isEmpty()) {
            log.info("using the Git token from environment variable " + tokenEnv);
            return Credentials.of(username, token);
        }
        log.warn("no Git credentials: no settings.xml server '" + id + "' and " + tokenEnv + " is not set; trying without");
        return null;
    }
}
