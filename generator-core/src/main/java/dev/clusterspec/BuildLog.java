package dev.clusterspec;

/**
 * Where core code reports progress. The Maven plugin adapts its own log to this, so that
 * generator-core stays free of Maven types. Messages must never carry secret values.
 */
public interface BuildLog {

    void info(String message);

    void warn(String message);

    void debug(String message);

    /** A log that drops every message, for library callers that do not want output. */
    static BuildLog silent() {
        return new BuildLog() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public void debug(String message) {
            }
        };
    }
}
