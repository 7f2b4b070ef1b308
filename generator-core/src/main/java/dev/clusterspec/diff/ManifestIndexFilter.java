package dev.clusterspec.diff;

import dev.clusterspec.yaml.Yaml;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The published manifest repo keeps every content-addressed file it ever had, because old Talos
 * configs still name them by URL. Only the files its {@code index.yaml} lists are live; the others
 * would show old versions of objects as duplicates, and objects no longer generated as present.
 */
final class ManifestIndexFilter {

    /** {@code unusable}: the side has the index but it lists no files, so nothing was left out. */
    record Result(SortedMap<String, byte[]> files, int archived, boolean unusable) {}

    private ManifestIndexFilter() {}

    static Result apply(Map<String, byte[]> files, String indexPath) {
        SortedMap<String, byte[]> all = new TreeMap<>(files);
        if (indexPath == null || !all.containsKey(indexPath)) {
            return new Result(all, 0, false);
        }
        int slash = indexPath.lastIndexOf('/');
        String folder = slash < 0 ? "" : indexPath.substring(0, slash + 1);
        Set<String> live = livePaths(all.get(indexPath), folder);
        if (live.isEmpty()) {
            return new Result(all, 0, true);
        }
        SortedMap<String, byte[]> kept = new TreeMap<>();
        int archived = 0;
        for (Map.Entry<String, byte[]> file : all.entrySet()) {
            String path = file.getKey();
            boolean inComponentFolder = path.startsWith(folder) && path.indexOf('/', folder.length()) >= 0;
            if (inComponentFolder && !live.contains(path)) {
                archived++;
            } else {
                kept.put(path, file.getValue());
            }
        }
        return new Result(kept, archived, false);
    }

    /** {@code components[*].path} of the index, made relative to the side's root; empty when unreadable. */
    private static Set<String> livePaths(byte[] index, String folder) {
        Set<String> live = new HashSet<>();
        try {
            List<JsonNode> documents = Yaml.readAll(new String(index, StandardCharsets.UTF_8));
            for (JsonNode document : documents) {
                for (JsonNode component : document.path("components")) {
                    JsonNode path = component.path("path");
                    if (path.isString() && !path.stringValue().isEmpty()) {
                        live.add(folder + path.stringValue());
                    }
                }
            }
        } catch (RuntimeException unreadable) {
            live.clear();
        }
        return live;
    }
}
