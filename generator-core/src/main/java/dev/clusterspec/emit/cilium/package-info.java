/** Cilium for Talos: the CNI install (inline at bootstrap), LoadBalancer IP pools and the L2 announcement policy. */
package dev.clusterspec.emit.cilium;
