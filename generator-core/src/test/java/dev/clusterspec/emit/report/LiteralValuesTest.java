package dev.clusterspec.emit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterspec.spec.Ip;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiteralValuesTest {

    @Test
    void markupCharactersAreSwappedInEveryStringAndBackOnRestore() {
        Map<String, Object> model = LiteralValues.protect(Map.of("name", "a`b|c#d\ne\rf", "count", 3, "on", true,
                "hosts", List.of(Map.of("name", "x|y"))));

        String name = (String) model.get("name");
        assertThat(name).doesNotContain("`", "|", "#", "\n", "\r").hasSize("a`b|c#d\ne\rf".length());
        assertThat(LiteralValues.restore(name)).isEqualTo("a`b|c#d\ne\rf");
        assertThat(model).containsEntry("count", 3).containsEntry("on", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> host = ((List<Map<String, Object>>) model.get("hosts")).get(0);
        assertThat(LiteralValues.restore((String) host.get("name"))).isEqualTo("x|y");
        // template text (not a value) keeps its markup
        assertThat(LiteralValues.restore("`code` | # x")).isEqualTo("`code` | # x");
    }

    @Test
    void theModelHoldsOnlyPlainValues() {
        assertThatThrownBy(() -> LiteralValues.protect(Map.of("ip", Ip.of("10.0.0.1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runbook value ip is a Ip");
        assertThatThrownBy(() -> LiteralValues.protect(Map.of("name", "x\uE000y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runbook value name holds U+E000");
    }
}
