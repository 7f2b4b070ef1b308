package dev.clusterspec.publish;

import java.util.Set;

/** Which repo paths the generator owns and which existing files it must keep. */
record PathRules(Set<String> managed, Set<String> keep) {

    static PathRules of(PublishRequest request) {
        return new PathRules(request.managedPaths(), request.keepPaths());
    }

    boolean isManaged(String path) {
        return matchesAny(managed, path);
    }

    boolean isKept(String path) {
        return matchesAny(keep, path);
    }

    /** An entry matches itself and, as a folder, everything below it. */
    private static boolean matchesAny(Set<String> entries, String path) {
        for (String entry : entries) {
            if (path.equals(entry) || path.startsWith(entry + "/")) {
                return true;
            }
        }
        return false;
    }
}
