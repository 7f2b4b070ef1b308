/**
 * The diff engine behind {@code cluster:diff}: what {@code generate} produces against the published
 * manifest repo, a folder or the last output. Kubernetes objects are matched by identity across
 * content-addressed files, Talos config documents by kind and name, other files by path; each
 * change is shown as changed field paths and a unified diff of the redacted rendering.
 * Entry points: {@link dev.clusterspec.diff.OutputDiff#compare}, {@link dev.clusterspec.diff.DiffSources},
 * {@link dev.clusterspec.diff.DiffReport#render(boolean)}.
 */
package dev.clusterspec.diff;
