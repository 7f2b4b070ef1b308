package dev.clusterspec.load.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import dev.clusterspec.yaml.GoYaml;

class GoYamlTest {

    @Test
    void plainWhereSafe() {
        for (String value : List.of("10.0.0.11", "2001:db8::1", "cp-1.example.org", "-abc_DEF=", "oci-home",
                "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t", "inn7ol.u4ehnti8qyls9ymo", "a:b", "a#b", "+abc/def=")) {
            assertThat(GoYaml.scalar(value)).as(value).isEqualTo(value);
        }
    }

    @Test
    void doubleQuotedWhereAPlainScalarWouldNotBeAString() {
        assertThat(GoYaml.scalar("123")).isEqualTo("\"123\"");
        assertThat(GoYaml.scalar("1.5e3")).isEqualTo("\"1.5e3\"");
        assertThat(GoYaml.scalar("0x1F")).isEqualTo("\"0x1F\"");
        assertThat(GoYaml.scalar("yes")).isEqualTo("\"yes\"");
        assertThat(GoYaml.scalar("null")).isEqualTo("\"null\"");
        assertThat(GoYaml.scalar("")).isEqualTo("\"\"");
        assertThat(GoYaml.scalar("2026-01-01")).isEqualTo("\"2026-01-01\"");
        assertThat(GoYaml.scalar("1:30")).isEqualTo("\"1:30\"");
    }

    @Test
    void singleQuotedWhereSyntaxGetsInTheWay() {
        assertThat(GoYaml.scalar("- a")).isEqualTo("'- a'");
        assertThat(GoYaml.scalar("a: b")).isEqualTo("'a: b'");
        assertThat(GoYaml.scalar("a #b")).isEqualTo("'a #b'");
        assertThat(GoYaml.scalar("*alias")).isEqualTo("'*alias'");
        assertThat(GoYaml.scalar("it's ")).isEqualTo("'it''s '");
        assertThat(GoYaml.scalar("---x")).isEqualTo("'---x'");
        assertThat(GoYaml.scalar("a,b", true)).isEqualTo("'a,b'");
        assertThat(GoYaml.scalar("a,b", false)).isEqualTo("a,b");
    }

    @Test
    void everyFormReadsBackAsTheSameString() {
        Load load = new Load(LoadSettings.builder().build());
        for (String value : List.of("123", "yes", "", "- a", "a: b", "it's ", "*x", "tab\there", "2001:db8::1",
                "a,b", "{x}", "\"q\"", "back\\slash", "?x", "? x", ":x", "x:")) {
            Object loaded = load.loadFromString("k: " + GoYaml.scalar(value) + "\n" + GoYaml.scalar(value, true) + ": v\n");
            assertThat(((Map<?, ?>) loaded).get("k")).as(value).isEqualTo(value);
            assertThat(((Map<?, ?>) loaded).containsKey(value)).as("key " + value).isTrue();
        }
    }
}
