/** Application namespaces with Pod Security labels, and the Services of the public, tailnet and cluster exposure patterns. */
package dev.clusterspec.emit.workloads;
