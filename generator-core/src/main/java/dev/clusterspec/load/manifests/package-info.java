/**
 * The user's own manifests ({@code manifests.folder}): reading the folder inside the spec's folder and
 * checking each file (YAML, one object per document, no secret, each object once), every problem at
 * its file, line and column.
 */
package dev.clusterspec.load.manifests;
