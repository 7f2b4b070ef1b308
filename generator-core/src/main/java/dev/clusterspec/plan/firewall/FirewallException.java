package dev.clusterspec.plan.firewall;

import dev.clusterspec.UserError;

/**
 * A firewall layer cannot be rendered as the spec asks (a quota exceeded, two services on one address
 * and port). The message says what and how to fix it; it is meant for the user, not a stack trace.
 */
public final class FirewallException extends RuntimeException implements UserError {

    public FirewallException(String message) {
        super(message);
    }
}
