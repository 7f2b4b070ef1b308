/**
 * Talos machine-config patches, applied to configs held as trees with Talos's own semantics
 * ({@code pkg/machinery/config/configpatcher} and {@code pkg/machinery/config/merge} of Talos 1.13,
 * checked against Talos's test fixtures).
 *
 * <p>{@link dev.clusterspec.configpatch.PatchParser} reads a patch and tells the two kinds
 * apart; {@link dev.clusterspec.configpatch.ConfigPatcher} applies a list of patches in order.
 *
 * <p><b>Strategic merge patches</b> are YAML documents. A document without {@code kind} and with
 * {@code machine} or {@code cluster} merges into the v1alpha1 document; any other document merges
 * into the config document of the same {@code apiVersion}, {@code kind} and {@code name}, and is
 * appended when the config has none. {@code $patch: delete} deletes a whole document, a key, or a
 * list item (selected by the item's first field), before the rest of its document merges; a deletion
 * aimed at a document the config lacks is skipped. Merging follows Talos's typed merge, rendered for
 * trees in {@link dev.clusterspec.configpatch.TreeMerge} and
 * {@link dev.clusterspec.configpatch.MergeRules}: lists are appended except network interfaces
 * (by name or device selector), VLANs (by id), admission plugins (by name), extension service
 * config files (by mount path) and image verification rules (by image); pod and service subnets,
 * the audit policy and firewall rules' ingress and ports are replaced; component {@code extraArgs}
 * take the patch's value per key.
 *
 * <p><b>JSON patches</b> (RFC 6902, as JSON or YAML) apply to one document. Talos refuses them on
 * multi-document configs; {@link dev.clusterspec.configpatch.ConfigPatcher.JsonPatchTarget}
 * says whether to do the same or to apply them to the v1alpha1 document alone.
 *
 * <p>Where a tree cannot tell what Talos's types tell, this package takes the reading that fits
 * Talos's documents: deleting a key that is already absent succeeds (as for Talos's struct fields;
 * Talos fails for free-form maps such as {@code sysctls}); a list item is selected by the text of
 * its field, numbers included (Talos compares only string-like fields). And where Talos accepts
 * what is surely a mistake, this package says so: an empty patch, several YAML documents after a
 * JSON patch, an operation without its value or with unknown fields, {@code copy} from nowhere.
 *
 * <p>Problems are {@link dev.clusterspec.configpatch.PatchException}s: they name the patch,
 * the document or operation, the config path and the reason, and carry a pointer into the patch
 * so that the caller can report {@code file:line:col}.
 */
package dev.clusterspec.configpatch;

import dev.clusterspec.configpatch.ConfigPatcher;
import dev.clusterspec.configpatch.MergeRules;
import dev.clusterspec.configpatch.PatchException;
import dev.clusterspec.configpatch.PatchParser;
import dev.clusterspec.configpatch.TreeMerge;
