package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a secret ({@code ${env:NAME}} or {@code ${file:path}}), never its value. The value
 * is read only when an emitter needs it, through the loader's {@code SecretResolver}; {@link #toString()} shows the
 * reference, so logging a spec can never leak a secret.
 */
public record SecretRef(Source source, String name) {

    private static final Pattern SYNTAX = Pattern.compile("\\$\\{(env|file):([^}]+)}");

    public enum Source { ENV, FILE }

    @JsonCreator
    public static SecretRef parse(String reference) {
        Matcher m = SYNTAX.matcher(reference);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a secret reference (${env:NAME} or ${file:path}): " + reference);
        }
        return new SecretRef(m.group(1).equals("env") ? Source.ENV : Source.FILE, m.group(2));
    }

    @JsonValue
    @Override
    public String toString() {
        return "${" + (source == Source.ENV ? "env" : "file") + ":" + name + "}";
    }
}
