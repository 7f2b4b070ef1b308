/**
 * The report people read ({@code report/}): IP plan, exposure, firewall and connectivity matrices,
 * manifest sizes against the limits, the bootstrap runbook and a topology diagram, all computed from
 * the plan. One self-contained HTML page and a Markdown twin for Git diffs, rendered from one model.
 */
package dev.clusterspec.emit.report;
