package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** "Namespace from must (not) reach namespace to": checked against the generated policies. */
public record ReachabilityAssertion(String from, String to, Expect expect) {

    public enum Expect {
        @JsonProperty("allowed") ALLOWED,
        @JsonProperty("denied") DENIED
    }
}
