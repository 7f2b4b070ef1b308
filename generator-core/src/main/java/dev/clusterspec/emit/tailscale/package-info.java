/** The Tailscale operator: mirrored CRDs, the operator install, its OAuth client Secret (Talos inline only). */
package dev.clusterspec.emit.tailscale;
