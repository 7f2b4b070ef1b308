package dev.clusterspec.spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A URL of {@code manifests.extraManifests}, taken apart: where Talos fetches it from, and what, if
 * anything, keeps its content from changing. Talos applies a URL manifest once and only creates what
 * is missing, so a URL whose content can change leaves each cluster with whatever the file held at
 * its first boot.
 *
 * <p>Talos downloads these with go-getter, which treats a {@code checksum=<type>:<hex>} query
 * parameter as the expected digest of the file: it strips the parameter from the request and
 * refuses a file that does not match. That makes a checksum the one pin that works on any host.
 */
public record ExtraManifestUrl(String url, URI uri, List<String> checksums) {

    /** What pins the content, strongest first. */
    public enum Pin {
        /** {@code ?checksum=sha256:<hex>}: Talos verifies the file. */
        CHECKSUM("sha256 checksum, verified by Talos"),
        /** A full commit id in the path: the file of that commit can never change. */
        COMMIT("commit"),
        /** A version-like path segment: a tag or release, which can be moved or re-uploaded. */
        TAG("tag (can be moved)"),
        /** Nothing: a branch or a plain path. */
        NONE("not pinned");

        private final String label;

        Pin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern VERSION = Pattern.compile("v?\\d+(\\.\\d+)+([-+][0-9A-Za-z.-]+)?");
    private static final Pattern HEX = Pattern.compile("([0-9a-fA-F]{2})+");

    public ExtraManifestUrl {
        checksums = List.copyOf(checksums);
    }

    /** The URL as written, taken apart; a text no URL parser accepts is refused. */
    public static ExtraManifestUrl parse(String url) throws InvalidUrlException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // the reason only: the input itself may hold a credential
            throw new InvalidUrlException("is not a valid URL (" + e.getReason() + ")");
        }
        return new ExtraManifestUrl(url, uri, queryValues(uri.getRawQuery(), "checksum"));
    }

    public String scheme() {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    public Optional<String> host() {
        return Optional.ofNullable(uri.getHost()).map(h -> h.toLowerCase(Locale.ROOT));
    }

    /** The port a connection goes to, the scheme's default when none is written. */
    public int port() {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "http".equals(scheme()) ? 80 : 443;
    }

    /** {@code scheme://host[:port]}: where the request (and any header Talos adds) goes. */
    public String origin() {
        boolean defaultPort = uri.getPort() < 0 || port() == ("http".equals(scheme()) ? 80 : 443);
        return scheme() + "://" + host().orElse("") + (defaultPort ? "" : ":" + port());
    }

    /** Scheme, host and path: safe to print, with no user info and no query (either may hold a credential). */
    public String shown() {
        return origin() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** The query's parameters as decoded {@code name=value} lines, for the secret scanner's key/value rules. */
    public List<String> queryParameters() {
        List<String> out = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                out.add(decode(parts[0]) + "=" + (parts.length > 1 ? decode(parts[1]) : ""));
            }
        }
        return out;
    }

    public boolean hasUserInfo() {
        return uri.getRawUserInfo() != null;
    }

    /** The URL without its checksum parameter and with scheme and host in lower case: two entries for one file compare equal. */
    public String identity() {
        List<String> query = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (!decode(pair.split("=", 2)[0]).equals("checksum")) {
                    query.add(pair);
                }
            }
        }
        return origin() + (uri.getRawPath() == null ? "" : uri.getRawPath()) + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    /**
     * Why the checksum parameter would not pin the file, if it is there and would not: Talos
     * refuses a malformed one at boot, and MD5, SHA-1 and checksum files do not pin content. Read as
     * go-getter reads it: {@code <type>:<hex>} with the type in any case, or bare hex whose length
     * tells the type.
     */
    public Optional<String> checksumProblem() {
        if (checksums.isEmpty()) {
            return Optional.empty();
        }
        if (checksums.size() > 1) {
            return Optional.of("has " + checksums.size() + " checksum parameters; give one, checksum=sha256:<64 hex digits>");
        }
        String value = checksums.get(0);
        int colon = value.indexOf(':');
        String hex = colon < 0 ? value : value.substring(colon + 1);
        String type = colon < 0 ? typeByLength(hex) : value.substring(0, colon).toLowerCase(Locale.ROOT);
        if (type.equals("file")) {
            return Optional.of("takes its checksum from a file, which can change together with the manifest;"
                    + " write the digest itself, checksum=sha256:<64 hex digits>");
        }
        if (!HEX.matcher(hex).matches()) {
            return Optional.of("has a checksum that is not hex digits; Talos would refuse to download it."
                    + " Write checksum=sha256:<64 hex digits> (e.g. from sha256sum)");
        }
        return switch (type) {
            case "md5", "sha1" -> Optional.of("has a " + type + " checksum, which no longer pins content (collisions can be made);"
                    + " use checksum=sha256:<64 hex digits>");
            case "sha256", "sha512" -> hex.length() == (type.equals("sha256") ? 64 : 128) ? Optional.empty()
                    : Optional.of("has a " + type + " checksum of the wrong length; Talos would refuse the file at every boot."
                            + " Write checksum=" + type + ":<" + (type.equals("sha256") ? 64 : 128) + " hex digits> (e.g. from sha256sum)");
            case "" -> Optional.of("has a checksum whose type its length does not tell; write checksum=sha256:<64 hex digits>");
            default -> Optional.of("has a checksum of a type Talos does not know; write checksum=sha256:<64 hex digits>");
        };
    }

    /** The type go-getter guesses for bare hex, by the digest's length; empty when none fits. */
    private static String typeByLength(String hex) {
        return switch (hex.length()) {
            case 32 -> "md5";
            case 40 -> "sha1";
            case 64 -> "sha256";
            case 128 -> "sha512";
            default -> "";
        };
    }

    /** What keeps the content from changing; a checksum only counts when it is well-formed. */
    public Pin pin() {
        if (!checksums.isEmpty() && checksumProblem().isEmpty()) {
            return Pin.CHECKSUM;
        }
        List<String> segments = segments();
        if (segments.stream().anyMatch(s -> COMMIT_ID.matcher(s).matches())) {
            return Pin.COMMIT;
        }
        if (segments.stream().anyMatch(s -> VERSION.matcher(s).matches())) {
            return Pin.TAG;
        }
        return Pin.NONE;
    }

    private List<String> segments() {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return List.of(path.split("/"));
    }

    private static List<String> queryValues(String rawQuery, String name) {
        List<String> values = new ArrayList<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            String[] parts = pair.split("=", 2);
            if (decode(parts[0]).equals(name)) {
                values.add(parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** The text is no URL; the message says why without repeating it. */
    public static final class InvalidUrlException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidUrlException(String message) {
            super(message, null, false, false);
        }
    }
}
