/** clusterspec: compiles one typed cluster spec into every artifact a Talos cluster on Proxmox/OCI needs. */
package dev.clusterspec;
