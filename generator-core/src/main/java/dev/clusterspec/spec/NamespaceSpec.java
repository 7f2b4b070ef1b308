package dev.clusterspec.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An application namespace and the Pod Security Standard it enforces. */
public record NamespaceSpec(String name, PodSecurity podSecurity) {

    public enum PodSecurity {
        @JsonProperty("restricted") RESTRICTED,
        @JsonProperty("baseline") BASELINE,
        @JsonProperty("privileged") PRIVILEGED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
