/** The version catalog of pinned images and upstream files, and the sources that fetch those files sha256-verified. */
package dev.clusterspec.emit.catalog;
