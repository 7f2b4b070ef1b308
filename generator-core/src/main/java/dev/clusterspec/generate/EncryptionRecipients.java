package dev.clusterspec.generate;

import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.load.SpecLoader;
import dev.clusterspec.load.age.AgeRecipient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whom {@code cluster:encrypt} and {@code cluster:secrets} encrypt for: the recipients given
 * ({@code -Dcluster.ageRecipients}), else those the spec lists under {@code secrets.ageRecipients}.
 * One rule for both goals, so they cannot come to disagree.
 */
public final class EncryptionRecipients {

    private EncryptionRecipients() {
    }

    /** @param given the recipients given instead of the spec's; empty for the spec's */
    public static List<AgeRecipient> of(List<AgeRecipient> given, LoadedSpec loaded) {
        if (!given.isEmpty()) {
            return given;
        }
        return AgeRecipient.listOf(loaded.spec().secrets().ageRecipients(), loaded.file() + " secrets.ageRecipients");
    }

    /**
     * As {@link #of(List, LoadedSpec)} for a spec that need not exist yet (a bundle is often made
     * before the spec is written): without one, only those given, and the spec is read only when
     * none are.
     */
    public static List<AgeRecipient> of(List<AgeRecipient> given, Path specFile) {
        if (!given.isEmpty() || !Files.isRegularFile(specFile)) {
            return given;
        }
        return of(given, new SpecLoader().load(specFile));
    }
}
