package dev.clusterspec.connectivity;

/** A port a container declares; named ports in policies resolve against these. */
record ContainerPort(String name, int port, Protocol protocol) {
}
