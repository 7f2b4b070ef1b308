package dev.clusterspec.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.publish.Credentials;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.apache.maven.settings.Proxy;
import org.junit.jupiter.api.Test;

/** Git credentials come from the settings.xml server, as Maven's decrypter returns it. */
class GitAccessTest {

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

    private static GitAccess access(SettingsDecrypter decrypter, String serverId, String password, String serverIdParameter) {
        Settings settings = new Settings();
        Server server = new Server();
        server.setId(serverId);
        server.setUsername("ci-bot");
        server.setPassword(password);
        settings.addServer(server);
        return new GitAccess(settings, decrypter, serverIdParameter, "CLUSTERSPEC_TEST_UNSET_TOKEN_VARIABLE", "x-access-token",
                new SystemStreamLog());
    }

    private static GitAccess access(SettingsDecrypter decrypter, String serverId, String password) {
        return access(decrypter, serverId, password, null);
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
        GitAccess access = access(decrypter(null), "other", "plain-token", "other");
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
    void aPlainPathIsALocalRepositoryBesideTheSpec() {
        java.io.File spec = new java.io.File("/projects/home/cluster.yaml");
        assertThat(GitAccess.remoteUrl("remote.git", spec)).hasValue("file:/projects/home/remote.git");
        assertThat(GitAccess.remoteUrl("https://example.org/r.git", spec)).hasValue("https://example.org/r.git");
        assertThat(GitAccess.remoteUrl(null, spec)).isEmpty();
    }
}
