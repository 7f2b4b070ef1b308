package dev.clusterspec.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clusterspec.yaml.YamlNode.Alias;
import dev.clusterspec.yaml.YamlNode.Mapping;
import dev.clusterspec.yaml.YamlNode.Scalar;
import dev.clusterspec.yaml.YamlNode.Sequence;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private static final YamlLimits LENIENT = new YamlLimits(1 << 20, 64, 1_000, YamlLimits.UNLIMITED, false, false);
    private static final YamlLimits STRICT = new YamlLimits(1 << 20, 64, 1_000, 1, true, true);

    private static List<YamlNode> read(YamlLimits limits, String text) {
        return new YamlReader(limits).readAll("t.yaml", text);
    }

    private static YamlReadException refused(YamlLimits limits, String text) {
        YamlReadException e = catchThrowableOfType(YamlReadException.class, () -> read(limits, text));
        assertThat(e).as(text).isNotNull();
        return e;
    }

    @Test
    void everyNodeAndKeyKnowsWhereItStarts() {
        Mapping root = (Mapping) read(LENIENT, "a: 1\nlist:\n  - x\n  - {k: 'v'}\n").get(0);
        assertThat(root.position()).isEqualTo(new Position(1, 1));
        assertThat(root.entries().get(1).key().position()).isEqualTo(new Position(2, 1));
        Sequence list = (Sequence) root.entries().get(1).value();
        assertThat(list.position()).isEqualTo(new Position(3, 3));
        Mapping flow = (Mapping) list.items().get(1);
        assertThat(flow.position()).isEqualTo(new Position(4, 5));
        Scalar quoted = (Scalar) flow.entries().get(0).value();
        assertThat(quoted.position()).isEqualTo(new Position(4, 9));
        assertThat(quoted.plain()).isFalse();
        assertThat(quoted.resolvedTag()).isEqualTo(Scalar.STR);
    }

    @Test
    void scalarsAreTypedByTheJsonSchema() {
        Mapping root = (Mapping) read(LENIENT, "a: 1\nb: true\nc: yes\nd: null\ne:\nf: '1'\ng: !!str 1\nh: 0755\n").get(0);
        assertThat(root.entries()).extracting(e -> ((Scalar) e.value()).resolvedTag())
                .containsExactly(Scalar.INT, Scalar.BOOL, Scalar.STR, Scalar.NULL, Scalar.NULL, Scalar.STR, Scalar.STR, Scalar.STR);
        assertThat(Scalar.plainType("1.5")).isEqualTo(Scalar.FLOAT);
    }

    @Test
    void anAliasRefersToItsAnchorsNodeWithoutCopyingIt() {
        Mapping root = (Mapping) read(LENIENT, "base: &b {x: 1}\nuse: *b\n").get(0);
        Alias alias = (Alias) root.entries().get(1).value();
        assertThat(alias.anchor()).isEqualTo("b");
        assertThat(alias.position()).isEqualTo(new Position(2, 6));
        assertThat(alias.resolved()).isSameAs(root.entries().get(0).value());
    }

    @Test
    void documentsAreReadOneByOneAndEmptyOnesAreEmptyScalars() {
        YamlReader.Documents documents = new YamlReader(LENIENT).documents("t.yaml", "a: 1\n---\n---\nb: 2\n");
        assertThat(documents.next()).isInstanceOf(Mapping.class);
        assertThat(documents.nextStart()).isEqualTo(new Position(2, 1));
        assertThat(documents.next()).isInstanceOfSatisfying(Scalar.class, s -> assertThat(s.resolvedTag()).isEqualTo(Scalar.NULL));
        assertThat(documents.next()).isInstanceOf(Mapping.class);
        assertThat(documents.hasNext()).isFalse();
        assertThat(read(LENIENT, "# only a comment\n")).isEmpty();
    }

    @Test
    void duplicateKeysAreKeptOrRefusedAsTheLimitsSay() {
        assertThat(((Mapping) read(LENIENT, "a: 1\na: 2\n").get(0)).entries()).hasSize(2);
        YamlReadException e = refused(STRICT, "a: 1\na: 2\n");
        assertThat(e.isSyntax()).isFalse();
        assertThat(e.problem()).isEqualTo("duplicate key 'a' (first written at line 1); each key may appear once in a mapping");
        assertThat(e.position()).isEqualTo(new Position(2, 1));
    }

    @Test
    void limitsAreEnforcedWhereTheyAreBroken() {
        assertThat(refused(STRICT, "a: !ip 10.0.0.1\n").problem()).isEqualTo("custom YAML tags like !ip are not supported");
        assertThat(refused(STRICT, "a: &x [1]\nb: *x\nc: *x\n").problem())
                .isEqualTo("Number of aliases for non-scalar nodes exceeds the specified max=1");
        assertThat(refused(LENIENT, "a: *nothing\n").problem()).isEqualTo("alias *nothing refers to no anchor &nothing defined before it");
        assertThat(refused(LENIENT, "? [a]\n: 1\n").problem()).isEqualTo("mapping keys must be plain strings, not lists or mappings");
        assertThat(refused(LENIENT, "a: " + "[".repeat(100) + "]".repeat(100)).problem())
                .isEqualTo("the document is nested more than 64 levels deep");
        YamlReadException bomb = refused(LENIENT, "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n");
        assertThat(bomb.problem()).isEqualTo("the document expands to more than 1000 values (an alias bomb?); aliases are expanded and counted");
        assertThat(bomb.position()).isEqualTo(new Position(3, 33)); // the eighth *b: 11 + 111 + 1 + 8 * 111 > 1000
    }

    @Test
    void textThatIsNotYamlIsASyntaxErrorWithTheParsersWords() {
        YamlReadException e = refused(LENIENT, "a: [1, 2\n");
        assertThat(e.isSyntax()).isTrue();
        assertThat(e.problem()).isEqualTo("expected ',' or ']', but got <stream end>");
        assertThat(e.context()).isEqualTo("while parsing a flow sequence");
        assertThat(e.contextPosition()).contains(new Position(1, 4));
        assertThat(e.position()).isEqualTo(new Position(2, 1));
    }
}
