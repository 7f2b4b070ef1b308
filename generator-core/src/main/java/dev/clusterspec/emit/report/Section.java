package dev.clusterspec.emit.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One chapter of the report, with an anchor id for the table of contents. */
record Section(String id, String title, List<Block> blocks) {

    Section {
        blocks = List.copyOf(blocks);
    }

    Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("md", Markdown.text(title));
        m.put("blocks", blocks.stream().map(Block::model).toList());
        return m;
    }
}
