/**
 * The manifest repo: the contract with the Talos emitter (components, URL and inline manifests), the assembler
 * that names files by content in apply order, the secret inline manifests, and the checks (no secrets, schemas).
 */
package dev.clusterspec.emit.manifests;
