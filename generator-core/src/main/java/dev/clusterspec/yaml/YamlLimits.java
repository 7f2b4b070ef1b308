package dev.clusterspec.yaml;

/**
 * What {@link YamlReader} accepts, so that hostile input fails fast in bounded memory and each
 * reader gets the strictness it needs.
 *
 * @param maxBytes the largest input in bytes of UTF-8; the reader, given text, holds it to as many
 *     code points (which a text of that many bytes cannot exceed)
 * @param maxDepth how many lists and mappings may be open inside each other
 * @param maxNodes how many values a stream may hold, every alias counted as the values it stands
 *     for (this is what stops alias bombs); mapping keys are not counted
 * @param maxCollectionAliases how many aliases may refer to a list or mapping
 * @param uniqueKeys whether a key written twice in one mapping is an error (otherwise both entries
 *     are kept, in order)
 * @param standardTagsOnly whether a scalar value with a tag outside {@code tag:yaml.org,2002:}
 *     ({@code !ip 10.0.0.1}) is an error
 */
public record YamlLimits(long maxBytes, int maxDepth, long maxNodes, int maxCollectionAliases,
        boolean uniqueKeys, boolean standardTagsOnly) {

    /** For a limit that does not apply. */
    public static final int UNLIMITED = Integer.MAX_VALUE;
}
