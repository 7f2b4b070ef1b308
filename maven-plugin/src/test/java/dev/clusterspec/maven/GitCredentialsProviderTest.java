package dev.clusterspec.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.publish.Credentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.apache.maven.settings.Proxy;
import org.junit.jupiter.api.Test;

/**
 * Git credentials come from the settings.xml server, as Maven's decrypter returns it, else from the
 * token environment variable; what is used is logged, the token never.
 */
class GitCredentialsProviderTest {

    private static final String TOKEN_VARIABLE = "CLUSTERSPEC_TEST_UNSET_TOKEN_VARIABLE";

    /** Maven's log, kept for asserting what was said. */
    private static final class RecordingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add("[INFO] " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("[WARNING] " + content);
        }
    }

    /** Stands in for Maven's decrypter: "{...}" passwords come back decrypted, or with a problem. */
    private static SettingsDecrypter decrypter(SettingsProblem problem) {
        return request -> {
            Server server = request.getServers().get(0).clone();
            if (server.getPassword() != null && server.getPassword().startsWith("{")) {
                server.setPassword("decrypted-token");
            }
            return new SettingsDecryptionResult() {
                public Server getServer() { return server; }
                public List<Server> getServers() { return List.of(server); }
                public Proxy getProxy() { return null; }
                public List<Proxy> getProxies() { return List.of(); }
                public List<SettingsProblem> getProblems() { return problem == null ? List.of() : List.of(problem); }
            };
        };
    }

    private static Settings settingsWithServer(String serverId, String password) {
        Settings settings = new Settings();
        Server server = new Server();
        server.setId(serverId);
        server.setUsername("ci-bot");
        server.setPassword(password);
        settings.addServer(server);
        return settings;
    }

    private static GitCredentialsProvider access(SettingsDecrypter decrypter, String serverId, String password, String serverIdParameter) {
        return new GitCredentialsProvider(settingsWithServer(serverId, password), decrypter, serverIdParameter, TOKEN_VARIABLE,
                "x-access-token", new SystemStreamLog());
    }

    private static GitCredentialsProvider access(SettingsDecrypter decrypter, String serverId, String password) {
        return access(decrypter, serverId, password, null);
    }

    private static GitCredentialsProvider withEnvironment(Map<String, String> environment, RecordingLog log) {
        return new GitCredentialsProvider(settingsWithServer("elsewhere", "t"), decrypter(null), null, TOKEN_VARIABLE, "oauth2", log,
                environment::get);
    }

    @Test
    void theSpecsServerIdSelectsTheSettingsServerAndItsPasswordIsDecrypted() {
        Credentials credentials = access(decrypter(null), "cluster-manifests", "{AbCdEf==}").credentials("cluster-manifests");
        assertThat(credentials.username()).isEqualTo("ci-bot");
        assertThat(new String(credentials.token())).isEqualTo("decrypted-token");
        assertThat(credentials.toString()).doesNotContain("decrypted-token");
    }

    @Test
    void theServerIdParameterOverridesTheSpec() {
        GitCredentialsProvider access = access(decrypter(null), "other", "plain-token", "other");
        assertThat(new String(access.credentials("cluster-manifests").token())).isEqualTo("plain-token");
    }

    @Test
    void aDecryptionErrorStopsWithTheServerNamed() {
        SettingsProblem problem = new DefaultSettingsProblem("master password missing", SettingsProblem.Severity.ERROR, "settings.xml", -1, -1, null);
        assertThatThrownBy(() -> access(decrypter(problem), "cluster-manifests", "{x}").credentials("cluster-manifests"))
                .hasMessage("cannot decrypt the credentials of settings.xml server 'cluster-manifests': master password missing");
    }

    @Test
    void withoutAServerOrTheEnvironmentVariableThereAreNoCredentials() {
        assertThat(access(decrypter(null), "elsewhere", "t").credentials("cluster-manifests")).isNull();
    }

    @Test
    void withoutASettingsServerTheTokenComesFromTheEnvironmentVariableWithTheConfiguredUserName() {
        RecordingLog log = new RecordingLog();
        Credentials credentials = withEnvironment(Map.of(TOKEN_VARIABLE, "env-token"), log).credentials("cluster-manifests");
        assertThat(credentials.username()).isEqualTo("oauth2");
        assertThat(new String(credentials.token())).isEqualTo("env-token");
        assertThat(log.lines).containsExactly("[INFO] using the Git token from environment variable " + TOKEN_VARIABLE);
    }

    @Test
    void aSettingsServerWinsOverTheEnvironmentAndTheLogNamesItButNotTheToken() {
        RecordingLog log = new RecordingLog();
        GitCredentialsProvider access = new GitCredentialsProvider(settingsWithServer("cluster-manifests", "{AbCdEf==}"),
                decrypter(null), null, TOKEN_VARIABLE, "oauth2", log, Map.of(TOKEN_VARIABLE, "env-token")::get);
        assertThat(access.credentials("cluster-manifests").username()).isEqualTo("ci-bot");
        assertThat(log.lines).containsExactly("[INFO] using Git credentials of settings.xml server 'cluster-manifests' (user ci-bot)");
    }

    @Test
    void anEmptyVariableCountsAsUnsetAndTheWarningSaysWhatWasTried() {
        RecordingLog log = new RecordingLog();
        assertThat(withEnvironment(Map.of(TOKEN_VARIABLE, ""), log).credentials("cluster-manifests")).isNull();
        assertThat(log.lines).containsExactly("[WARNING] no Git credentials: no settings.xml server 'cluster-manifests' and "
                + TOKEN_VARIABLE + " is not set; trying without");
    }
}
