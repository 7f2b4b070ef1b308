package dev.clusterspec.load.age;

import java.util.List;
import java.util.stream.Collectors;

/** The identities available to this run, in the order they are tried. */
public record AgeIdentities(List<AgeIdentity> all) {

    public AgeIdentities {
        all = List.copyOf(all);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** "age1... from SOPS_AGE_KEY line 1; ...": public keys and where each came from. */
    public String describe() {
        return all.stream().map(AgeIdentity::toString).collect(Collectors.joining("; "));
    }
}
