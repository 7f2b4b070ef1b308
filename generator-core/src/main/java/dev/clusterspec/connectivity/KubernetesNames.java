package dev.clusterspec.connectivity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API server's syntax rules for label keys, label values and port names. A manifest that breaks
 * them could never be created in a cluster, so analysing it would describe a cluster that cannot exist.
 * Each check returns what is wrong, or nothing.
 */
final class KubernetesNames {

    private static final int NAME_MAX = 63;
    private static final int PREFIX_MAX = 253;
    private static final int PORT_NAME_MAX = 15;
    /** A label name or value: alphanumerics, '-', '_' and '.', starting and ending alphanumeric. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    /** A DNS subdomain, the optional prefix of a label key. */
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    /** An IANA service name: lowercase alphanumerics and single hyphens, at least one letter. */
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9]|-(?=[a-z0-9]))*");

    private KubernetesNames() {}

    /** A label key: {@code name} or {@code prefix/name}. */
    static Optional<String> labelKeyProblem(String key) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > PREFIX_MAX || !SUBDOMAIN.matcher(prefix).matches()) {
                return Optional.of("label key '" + key + "' has an invalid prefix: it must be a DNS subdomain"
                        + " (lowercase letters, digits, '-' and '.', at most " + PREFIX_MAX + " characters)");
            }
        }
        if (name.isEmpty() || name.length() > NAME_MAX || !NAME.matcher(name).matches()) {
            return Optional.of("label key '" + key + "' is invalid: the name part must be 1-" + NAME_MAX
                    + " letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** A label value: empty, or like the name part of a key. */
    static Optional<String> labelValueProblem(String key, String value) {
        if (value.isEmpty() || (value.length() <= NAME_MAX && NAME.matcher(value).matches())) {
            return Optional.empty();
        }
        return Optional.of("label value '" + value + "' of '" + key + "' is invalid: it must be empty or 1-" + NAME_MAX
                + " letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
    }

    /** A named port of a NetworkPolicy or a container. */
    static Optional<String> portNameProblem(String name) {
        if (name.length() <= PORT_NAME_MAX && PORT_NAME.matcher(name).matches() && name.chars().anyMatch(Character::isLetter)) {
            return Optional.empty();
        }
        return Optional.of("port name '" + name + "' is invalid: it must be 1-" + PORT_NAME_MAX
                + " lowercase letters, digits and single '-' between them, with at least one letter");
    }
}
