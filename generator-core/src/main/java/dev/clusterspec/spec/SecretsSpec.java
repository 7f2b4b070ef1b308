package dev.clusterspec.spec;

import java.util.List;

/**
 * How secret files are kept: the age recipients ({@code age1...}) that encrypted secret files are
 * for. The strings are checked by the schema's pattern and by the checker (their checksums).
 */
public record SecretsSpec(List<String> ageRecipients) {

    public SecretsSpec {
        ageRecipients = List.copyOf(ageRecipients);
    }
}
