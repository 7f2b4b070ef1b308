/**
 * Publishes the generated manifest repo: JGit fetch of a cache clone, replace the generator-owned
 * content, refuse secrets, commit only when something changed, push with an explicit ref spec and
 * retry on top of the remote when another writer moved the branch meanwhile.
 * Entry point: {@link dev.clusterspec.publish.ManifestRepoPublisher}.
 */
package dev.clusterspec.publish;
