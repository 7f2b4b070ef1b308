package dev.clusterspec.load.age;

import java.nio.file.Path;

/** The naming rule: a file whose name ends in {@code .age} is age-encrypted, and only such a file. */
public final class AgeFiles {

    public static final String SUFFIX = ".age";

    private AgeFiles() {
    }

    public static boolean isEncrypted(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(SUFFIX);
    }

    /** Where the encrypted form of {@code file} goes: beside it, with {@code .age} appended. */
    public static Path encryptedName(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }
}
