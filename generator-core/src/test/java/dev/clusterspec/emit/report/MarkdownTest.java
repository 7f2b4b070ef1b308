package dev.clusterspec.emit.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void textEscapesEveryMarkupCharacter() {
        assertThat(Markdown.text("a|b <i>*c*</i> _d_ [e](f) `g` & #h ! ~ \\"))
                .isEqualTo("a\\|b \\<i\\>\\*c\\*\\</i\\> \\_d\\_ \\[e\\](f) \\`g\\` \\& \\#h \\! \\~ \\\\");
        assertThat(Markdown.text("two\nlines")).isEqualTo("two lines");
    }

    @Test
    void codeSpansOutgrowTheBackticksInside() {
        assertThat(Markdown.code("kubectl get svc -A")).isEqualTo("`kubectl get svc -A`");
        assertThat(Markdown.code("a`b")).isEqualTo("``a`b``");
        assertThat(Markdown.code("`edge`")).isEqualTo("`` `edge` ``");
        assertThat(Markdown.code("a|b")).isEqualTo("`a\\|b`");
    }

    @Test
    void fencesAreLongerThanAnyBacktickRunOfTheBody() {
        assertThat(Markdown.fence("echo hi")).isEqualTo("```");
        assertThat(Markdown.fence("echo ````")).isEqualTo("`````");
    }
}
