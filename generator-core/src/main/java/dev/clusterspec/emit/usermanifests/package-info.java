/**
 * The user's own manifests ({@code manifests.folder}): reading the folder inside the spec's folder,
 * checking each file (YAML, one object per document, no secret, each object once), turning each file
 * into a manifest-repo component, and the checks that need more than the folder (objects clusterspec
 * generates too, the Kubernetes schemas). Kept apart so that it moves as one when the add-ons become
 * one component interface.
 */
package dev.clusterspec.emit.usermanifests;
