package dev.clusterspec.connectivity;

import dev.clusterspec.UserError;

/**
 * A manifest the analyser cannot use: unreadable or malformed YAML/JSON, or a policy whose
 * content is invalid. The message names the file, and the line and column when they are known.
 */
public class ManifestReadException extends RuntimeException implements UserError {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String detail;

    public ManifestReadException(String file, int line, int column, String detail) {
        super(format(file, line, column, detail));
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    public ManifestReadException(String file, String detail) {
        this(file, 0, 0, detail);
    }

    private static String format(String file, int line, int column, String detail) {
        if (line > 0) {
            return file + ":" + line + ":" + Math.max(column, 1) + ": " + detail;
        }
        return file + ": " + detail;
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** The message without the file position. */
    public String detail() {
        return detail;
    }
}
