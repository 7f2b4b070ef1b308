/**
 * YAML read with positions: {@link dev.clusterspec.yaml.YamlReader} turns text into
 * {@link dev.clusterspec.yaml.YamlNode}s that know the line and column they start at, within
 * {@link dev.clusterspec.yaml.YamlLimits}. The one reader behind the spec loader (its
 * {@code file:line:col} diagnostics), the Talos secrets bundle and the secret scanner; it knows
 * nothing of either, so it sits in the base layer every stage may use.
 *
 * <p>And YAML written: {@link dev.clusterspec.yaml.Yaml} for everything generated from Java trees
 * (through {@link dev.clusterspec.yaml.TreeYamlWriter}, which gives the bytes Jackson's YAML writer
 * gives, faster), {@link dev.clusterspec.yaml.GoYaml} for scalars as talosctl writes them.
 */
package dev.clusterspec.yaml;
