/** The OCI cloud-controller-manager, when enabled: full (direct topology) or service controller only (nested). */
package dev.clusterspec.emit.ociccm;
