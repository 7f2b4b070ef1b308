/** Monitoring: Grafana Alloy shipping Cilium/Hubble metrics and pod logs to Grafana Cloud. */
package dev.clusterspec.emit.monitoring;
