package dev.clusterspec.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.spec.ExtraManifestUrl.Pin;
import dev.clusterspec.spec.ManifestRepo;
import dev.clusterspec.spec.SecretRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.clusterspec.spec.ExtraManifestUrl;
import dev.clusterspec.spec.FetchTokenScope;

/** Taking the spec's manifest URLs apart: what pins them, where they go, what is safe to print. */
class ExtraManifestUrlTest {

    private static final String COMMIT = "f8fafd475f3d132e239432ae6172de60a6cb6516";
    private static final String SHA256 = "a99047972c9dd7679ce2050b9968e8a08773492e671b3e17abd476d42aa78a32";

    private static ExtraManifestUrl url(String text) throws Exception {
        return ExtraManifestUrl.parse(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://raw.githubusercontent.com/o/r/" + COMMIT + "/deploy/crd.yaml | COMMIT",
            "https://example.com/crd.yaml?checksum=sha256:" + SHA256 + " | CHECKSUM",
            "https://example.com/crd.yaml?checksum=SHA256:" + SHA256 + " | CHECKSUM",
            "https://example.com/crd.yaml?checksum=" + SHA256 + " | CHECKSUM",
            "https://github.com/o/r/releases/download/v0.7.2/components.yaml | TAG",
            "https://raw.githubusercontent.com/o/r/1.2.3-rc.1/x.yaml | TAG",
            "https://raw.githubusercontent.com/o/r/main/deploy/crd.yaml | NONE",
            "https://raw.githubusercontent.com/o/r/f8fafd4/deploy/crd.yaml | NONE",
            "https://example.com/crd.yaml?checksum=md5:0123456789abcdef0123456789abcdef | NONE",
    })
    void thePinIsTheStrongestThingThatKeepsTheContent(String text, Pin pin) throws Exception {
        assertThat(url(text).pin()).isEqualTo(pin);
    }

    @Test
    void aChecksumOnlyPinsWhenTalosCanUseItAndItCannotBeForged() throws Exception {
        assertThat(url("https://e.com/a.yaml?checksum=sha256:" + SHA256).checksumProblem()).isEmpty();
        assertThat(url("https://e.com/a.yaml?checksum=sha512:" + "ab".repeat(64)).checksumProblem()).isEmpty();
        assertThat(url("https://e.com/a.yaml").checksumProblem()).isEmpty();
        assertThat(url("https://e.com/a.yaml?checksum=sha256:abcd").checksumProblem()).get().asString()
                .contains("wrong length").contains("Talos would refuse the file");
        assertThat(url("https://e.com/a.yaml?checksum=sha256:xyz").checksumProblem()).get().asString()
                .contains("not hex digits");
        assertThat(url("https://e.com/a.yaml?checksum=crc32:abcd").checksumProblem()).get().asString()
                .contains("a type Talos does not know");
        assertThat(url("https://e.com/a.yaml?checksum=sha1:" + "a".repeat(40)).checksumProblem()).get().asString()
                .contains("sha1 checksum, which no longer pins content");
        assertThat(url("https://e.com/a.yaml?checksum=file:https://e.com/SHA256SUMS").checksumProblem()).get().asString()
                .contains("takes its checksum from a file");
        assertThat(url("https://e.com/a.yaml?checksum=" + SHA256).checksumProblem()).as("bare sha256, told by its length").isEmpty();
        assertThat(url("https://e.com/a.yaml?checksum=" + "a".repeat(32)).checksumProblem()).get().asString().contains("md5 checksum");
        assertThat(url("https://e.com/a.yaml?checksum=sha256:" + SHA256 + "&checksum=sha256:" + SHA256).checksumProblem()).get()
                .asString().contains("2 checksum parameters");
    }

    @Test
    void originAndIdentityCompareWhatReachesTheSameFile() throws Exception {
        assertThat(url("https://Raw.GitHubUserContent.com/o/r/x.yaml").origin()).isEqualTo("https://raw.githubusercontent.com");
        assertThat(url("https://raw.githubusercontent.com:443/o/r/x.yaml").origin()).isEqualTo("https://raw.githubusercontent.com");
        assertThat(url("https://git.example:8443/o/r/x.yaml").origin()).isEqualTo("https://git.example:8443");
        assertThat(url("https://E.com/a.yaml?checksum=sha256:" + SHA256).identity()).isEqualTo(url("https://e.com/a.yaml").identity());
        assertThat(url("https://e.com/a.yaml?ref=v1").identity()).isNotEqualTo(url("https://e.com/a.yaml?ref=v2").identity());
    }

    @Test
    void whatIsPrintedLeavesOutUserInfoAndQuery() throws Exception {
        ExtraManifestUrl withCredentials = url("https://user:SECRETVALUE@e.com/a.yaml?token=SECRETVALUE");
        assertThat(withCredentials.hasUserInfo()).isTrue();
        assertThat(withCredentials.shown()).isEqualTo("https://e.com/a.yaml").doesNotContain("SECRETVALUE");
        assertThatThrownBy(() -> url("https://e.com/a b SECRETVALUE.yaml"))
                .isInstanceOf(ExtraManifestUrl.InvalidUrlException.class).hasMessageNotContaining("SECRETVALUE");
    }

    @Test
    void theFetchTokenMayGoOnlyWhereTheRawFilesAre() {
        ManifestRepo repo = new ManifestRepo("https://github.com/you/m.git", "main", "https://raw.githubusercontent.com/you/m", "id",
                SecretRef.parse("${env:TOKEN}"));
        FetchTokenScope scope = FetchTokenScope.of(repo).orElseThrow();
        assertThat(scope.admits("https://raw.githubusercontent.com/other/r/" + COMMIT + "/x.yaml")).isTrue();
        assertThat(scope.admits("https://github.com/you/m/raw/" + COMMIT + "/x.yaml")).isFalse();
        assertThat(scope.admits("http://raw.githubusercontent.com/you/m/x.yaml")).as("other scheme").isFalse();
        assertThat(scope.admits("https://raw.githubusercontent.com:8443/you/m/x.yaml")).as("other port").isFalse();
        assertThat(scope.admits("https://raw.githubusercontent.com.evil.example/x.yaml")).isFalse();
        ManifestRepo publicRepo = new ManifestRepo(repo.url(), repo.branch(), repo.rawUrl(), repo.serverId(), null);
        assertThat(FetchTokenScope.of(publicRepo)).as("no token, no scope").isEmpty();
    }
}
