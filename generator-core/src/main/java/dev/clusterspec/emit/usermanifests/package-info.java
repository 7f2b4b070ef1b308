/** The user's own manifests ({@code manifests.folder}) as folders of the manifest repo. */
package dev.clusterspec.emit.usermanifests;
