package dev.clusterspec.yaml;

import tools.jackson.databind.JsonNode;

/**
 * The text Jackson's YAML generator writes for a tree's booleans, nulls and numbers (with the
 * mapper's defaults: no fast double writer, no YAML notation for infinities).
 */
final class NonStringScalars {

    private NonStringScalars() {}

    /** {@code null} for nodes whose text is not mirrored: non-finite and big-decimal numbers, binary, POJO, missing. */
    static String text(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isInt() || node.isShort()) {
            return Integer.toString(node.intValue());
        }
        if (node.isLong()) {
            return Long.toString(node.longValue());
        }
        if (node.isBigInteger()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isDouble() && Double.isFinite(node.doubleValue())) {
            return Double.toString(node.doubleValue());
        }
        if (node.isFloat() && Float.isFinite(node.floatValue())) {
            return Float.toString(node.floatValue());
        }
        return null;
    }
}
