package dev.clusterspec.emit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text the runbook templates render into report sections, so that the HTML and the
 * Markdown rendering both come from the same blocks. The text form is a strict subset of Markdown:
 *
 * <pre>
 * # Title {#id}      starts a section
 * ## Title {#id}     a step of the section, numbered in order from 0 ("0. Prepare")
 * ```sh ... ```      shell commands, one per line, taken as they are (no blank lines)
 * | a | `b` |        a table ({@link TableMarkup})
 * other lines        a paragraph, up to a blank line or one of the above; lines are joined with one
 *                    space; {@code `code`} spans, {@code {#id}} for the number of an earlier step
 * </pre>
 *
 * Anything else that would mean something in Markdown (other headings, other fences) is an error
 * that names the template and the line. Values arrive protected by {@link LiteralValues}.
 */
final class RunbookDocument {

    private static final Pattern HEADING = Pattern.compile("(#{1,2}) (.+) \\{#([a-z][a-z0-9-]*)}");
    private static final String HEADING_MARK = "#";
    private static final String TABLE_MARK = "|";
    private static final String FENCE = "```";
    private static final String SHELL_FENCE = FENCE + "sh";

    private final Steps steps = new Steps();
    private final List<Section> sections = new ArrayList<>();
    private String sectionId;
    private String sectionTitle;
    private List<Block> blocks;

    /** Adds what one template rendered: blocks of the current section, or sections of their own. */
    void add(RenderedTemplate source) {
        int i = 0;
        while (i < source.size()) {
            String line = source.line(i).strip();
            if (line.isEmpty()) {
                i++;
            } else if (line.startsWith(HEADING_MARK)) {
                heading(source, i++);
            } else if (line.startsWith(FENCE)) {
                i = commands(source, i);
            } else if (line.startsWith(TABLE_MARK)) {
                int end = blockEnd(source, i, l -> !l.startsWith(TABLE_MARK));
                block(source, i, TableMarkup.parse(source, i, end));
                i = end;
            } else {
                // like Markdown, a heading, a fence or a table ends a paragraph without a blank line
                int end = blockEnd(source, i, l -> l.isEmpty() || l.startsWith(HEADING_MARK) || l.startsWith(FENCE) || l.startsWith(TABLE_MARK));
                block(source, i, new Block.Paragraph(InlineMarkup.spans(source, i, end, steps)));
                i = end;
            }
        }
    }

    List<Section> sections() {
        List<Section> all = new ArrayList<>(sections);
        if (sectionId != null) {
            all.add(new Section(sectionId, sectionTitle, blocks));
        }
        return all;
    }

    private void heading(RenderedTemplate source, int index) {
        Matcher m = HEADING.matcher(source.line(index).strip());
        if (!m.matches() || m.group(2).contains("{#")) {
            throw source.error(index, "a heading is '# Section title {#id}' or '## Step title {#id}'");
        }
        String title = LiteralValues.restore(m.group(2));
        if (m.group(1).length() == 1) {
            if (sectionId != null) {
                sections.add(new Section(sectionId, sectionTitle, blocks));
            }
            sectionId = m.group(3);
            sectionTitle = title;
            blocks = new ArrayList<>();
        } else if (steps.has(m.group(3))) {
            throw source.error(index, "step " + m.group(3) + " is there twice");
        } else {
            block(source, index, steps.heading(m.group(3), title));
        }
    }

    private int commands(RenderedTemplate source, int open) {
        if (!source.line(open).strip().equals(SHELL_FENCE)) {
            throw source.error(open, "a command block starts with " + SHELL_FENCE);
        }
        List<String> lines = new ArrayList<>();
        for (int i = open + 1; i < source.size(); i++) {
            String line = source.line(i);
            if (line.strip().equals(FENCE)) {
                if (lines.isEmpty()) {
                    throw source.error(open, "the command block is empty");
                }
                block(source, open, new Block.Commands(lines));
                return i + 1;
            }
            if (line.isBlank()) {
                throw source.error(i, "a blank line in a command block");
            }
            lines.add(LiteralValues.restore(line));
        }
        throw source.error(open, "the command block is not closed with " + FENCE);
    }

    private void block(RenderedTemplate source, int index, Block block) {
        if (sectionId == null) {
            throw source.error(index, "text before the first section heading (# Title {#id})");
        }
        blocks.add(block);
    }

    /** The index of the first line from {@code start + 1} on that {@code ends} the block (or the end of the text). */
    private static int blockEnd(RenderedTemplate source, int start, Predicate<String> ends) {
        int end = start + 1;
        while (end < source.size() && !ends.test(source.line(end).strip())) {
            end++;
        }
        return end;
    }
}
