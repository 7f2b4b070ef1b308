package dev.clusterspec.emit.report;

/**
 * A minimal SVG writer for the topology diagram: integer coordinates only (so the same layout is the
 * same bytes on every machine), every text escaped.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder();

    void raw(String text) {
        out.append(text);
    }

    void rect(int x, int y, int w, int h, int radius, String cssClass) {
        out.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w).append("\" height=\"").append(h)
                .append('"');
        if (radius > 0) {
            out.append(" rx=\"").append(radius).append('"');
        }
        out.append(" class=\"").append(cssClass).append("\"/>\n");
    }

    void text(int x, int y, String anchor, String cssClass, String text) {
        out.append("<text x=\"").append(x).append("\" y=\"").append(y).append('"');
        if (!anchor.equals("start")) {
            out.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (!cssClass.isEmpty()) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        out.append('>').append(escape(text)).append("</text>\n");
    }

    /** A polyline through the points (x1, y1, x2, y2, ...), optionally ending in an arrow head. */
    void path(String cssClass, String marker, int... points) {
        if (points.length < 4 || points.length % 2 != 0) {
            throw new IllegalArgumentException("a path needs at least two points");
        }
        out.append("<path d=\"M").append(points[0]).append(' ').append(points[1]);
        for (int i = 2; i < points.length; i += 2) {
            out.append(" L").append(points[i]).append(' ').append(points[i + 1]);
        }
        out.append("\" class=\"").append(cssClass).append('"');
        if (marker != null) {
            out.append(" marker-end=\"url(#").append(marker).append(")\"");
        }
        out.append("/>\n");
    }

    void open(String element, String attributes) {
        out.append('<').append(element).append(attributes.isEmpty() ? "" : " " + attributes).append(">\n");
    }

    void close(String element) {
        out.append("</").append(element).append(">\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** XML escaping for text and attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    // control characters are not allowed in XML 1.0 text
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        escaped.append(' ');
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
