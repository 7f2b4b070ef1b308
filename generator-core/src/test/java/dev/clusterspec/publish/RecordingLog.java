package dev.clusterspec.publish;

import java.util.ArrayList;
import java.util.List;

import dev.clusterspec.BuildLog;

/** Keeps every log line ("INFO message") so tests can check what users would see. */
final class RecordingLog implements BuildLog {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public synchronized void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public synchronized void debug(String message) {
        lines.add("DEBUG " + message);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
