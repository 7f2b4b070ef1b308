/**
 * The Talos secrets bundle ({@code secrets.yaml} as {@code talosctl gen secrets} writes it) and the
 * client credentials derived from it (the talosconfig admin certificate).
 *
 * <p>The bundle is the root of trust of a cluster: it holds the Talos API CA, the Kubernetes, etcd
 * and front-proxy CAs, the service-account signing key and the bootstrap tokens. It is created once
 * ({@link dev.clusterspec.load.bundle.SecretsBundles#createIfAbsent}), never overwritten,
 * and read by every later generation ({@link dev.clusterspec.load.bundle.SecretsBundleReader}).
 * Files made by talosctl and by clusterspec are interchangeable.
 *
 * <p>Nothing in this package prints a secret value: records redact their {@code toString()} and
 * error messages name the field and its location, never its content.
 */
package dev.clusterspec.load.bundle;

import dev.clusterspec.load.bundle.SecretsBundleReader;
import dev.clusterspec.load.bundle.SecretsBundles;
