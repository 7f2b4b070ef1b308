package dev.clusterspec.plan;

import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.Ip;

/** A static route a node or host needs besides its default route. */
public record Route(Cidr destination, Ip gateway, String reason) {}
