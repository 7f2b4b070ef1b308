package dev.clusterspec.emit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The runbook's text form: what each construct becomes, and an error naming template and line for anything else. */
class RunbookDocumentTest {

    private static List<Section> parse(String... templates) {
        RunbookDocument document = new RunbookDocument();
        for (int i = 0; i < templates.length; i++) {
            document.add(RenderedTemplate.of("runbook/t" + i + ".ftl", templates[i]));
        }
        return document.sections();
    }

    @Test
    void everyConstructBecomesItsBlock() {
        List<Section> sections = parse("""
                # Bootstrap {#bootstrap}

                Run from `target/cluster`,
                in order.
                ## Prepare {#step-prepare}
                ```sh
                cd target/cluster   # a comment
                  indented stays indented
                ```
                | service | labels | bytes |
                |---|---|---:|
                | web/a | `app=a` | 12 |
                | web/b |  | 7 |
                """, """
                ## Apply {#step-apply}

                After step {#step-prepare}: `apply`.
                # Upgrade {#upgrade}
                See step {#step-apply}.
                """);

        assertThat(sections).extracting(Section::id).containsExactly("bootstrap", "upgrade");
        assertThat(sections.get(0).title()).isEqualTo("Bootstrap");
        assertThat(sections.get(0).blocks()).containsExactly(
                new Block.Paragraph(List.of(Span.text("Run from "), Span.code("target/cluster"), Span.text(", in order."))),
                new Block.Heading("step-prepare", "0. Prepare"),
                new Block.Commands(List.of("cd target/cluster   # a comment", "  indented stays indented")),
                new Block.Table(List.of("service", "labels", "bytes"),
                        List.of(new Block.Row(List.of("web/a", "app=a", "12"), Block.Tone.NONE),
                                new Block.Row(List.of("web/b", "", "7"), Block.Tone.NONE)),
                        Set.of(1), Set.of(2)),
                // numbering goes on across templates
                new Block.Heading("step-apply", "1. Apply"),
                new Block.Paragraph(List.of(Span.text("After step 0: "), Span.code("apply"), Span.text("."))));
        assertThat(sections.get(1).blocks()).containsExactly(new Block.Paragraph(List.of(Span.text("See step 1."))));
    }

    @Test
    void valuesWithMarkupCharactersStayText() {
        String hostile = "a`b|c#d {#step-x}\ne```";
        String value = (String) LiteralValues.protect(Map.of("v", hostile)).get("v");
        List<Section> sections = parse("# S {#s}\n## Step " + value + " {#step-x}\n" + value + " `" + value + "`\n\n```sh\necho " + value
                + "\n```\n| h |\n|---|\n| `" + value + "` |\n");

        assertThat(sections.get(0).blocks()).containsExactly(
                new Block.Heading("step-x", "0. Step " + hostile),
                new Block.Paragraph(List.of(Span.text(hostile + " "), Span.code(hostile))),
                new Block.Commands(List.of("echo " + hostile)),
                new Block.Table(List.of("h"), List.of(new Block.Row(List.of(hostile), Block.Tone.NONE)), Set.of(0), Set.of()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "# S {#s}\\nsome `code;                2; unclosed code span",
        "# S {#s}\\nfirst line\\nthen `` here;  3; empty code span",
        "# S {#s}\\nsee step {#nope}.;          2; {#nope} names no earlier step",
        "# S {#s}\\nsee step {#nope;            2; unclosed step reference",
        "# S {#s}\\n### Deeper {#deeper};       2; a heading is",
        "# S {#s}\\n## No id;                   2; a heading is",
        "# S {#s}\\n## A {#a}\\n## B {#a};      3; step a is there twice",
        "# S {#s}\\n```bash\\nls\\n```;         2; a command block starts with ```sh",
        "# S {#s}\\n```sh\\nls;                 2; the command block is not closed",
        "# S {#s}\\n```sh\\n```;                2; the command block is empty",
        "# S {#s}\\n```sh\\nls\\n\\npwd\\n```;  4; a blank line in a command block",
        "# S {#s}\\n| a | b |;                  2; a table needs a header row and an alignment row",
        "# S {#s}\\n| a |\\n| - |;              3; the alignment row has only ---",
        "# S {#s}\\n| a | b |\\n|---|---|\\n| 1 |;  4; the row has 1 cells, the header 2",
        "# S {#s}\\n| a |\\n|---|\\n| x`y` |;   4; a table cell is either one code span or plain text",
        "# S {#s}\\n| a |\\n|---|\\n| `x` |\\n| y |;  5; column 1 mixes code and plain cells",
        "| a |\\n|---|;                         1; text before the first section heading",
        "\\nhello;                             2; text before the first section heading",
    })
    void malformedTextNamesTheTemplateAndTheLine(String text, int line, String problem) {
        assertThatThrownBy(() -> parse(text.replace("\\n", "\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("template runbook/t0.ftl, line " + line + " of its output: ")
                .hasMessageContaining(problem);
    }
}
