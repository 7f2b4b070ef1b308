package dev.clusterspec.publish;

import java.util.Arrays;
import java.util.Objects;

/**
 * User name and token for the git server (e.g. from a Maven {@code settings.xml} server or an
 * environment variable). The token is copied in and out so that callers can wipe their arrays,
 * and {@link #toString()} never shows it.
 *
 * @param username the user to authenticate as; GitHub accepts any non-empty name with a token
 *                 (conventionally {@code x-access-token}), GitLab expects {@code oauth2}
 * @param token    the token or password; never logged, never part of a message
 */
public record Credentials(String username, char[] token) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(token, "token");
        if (username.isBlank()) {
            throw new IllegalArgumentException("the git user name is empty");
        }
        if (token.length == 0) {
            throw new IllegalArgumentException("the git token for user " + username + " is empty");
        }
        token = token.clone();
    }

    public static Credentials of(String username, String token) {
        Objects.requireNonNull(token, "token");
        return new Credentials(username, token.toCharArray());
    }

    /** A copy of the token. */
    @Override
    public char[] token() {
        return token.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credentials c && username.equals(c.username) && Arrays.equals(token, c.token);
    }

    @Override
    public int hashCode() {
        return 31 * username.hashCode() + Arrays.hashCode(token);
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", token=****]";
    }
}
