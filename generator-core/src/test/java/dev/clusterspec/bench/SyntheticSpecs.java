package dev.clusterspec.bench;

/**
 * Cluster specs of any size for the benchmark: n nodes (3 control planes, the rest workers) spread
 * over n/10 Proxmox hosts on a /16 bridge, with a few namespaces and services of each exposure.
 */
final class SyntheticSpecs {

    private SyntheticSpecs() {}

    static String withNodes(int nodes) {
        int hosts = Math.max(1, nodes / 10);
        StringBuilder y = new StringBuilder();
        y.append("""
                apiVersion: clusterspec.dev/v1alpha1
                kind: Cluster
                metadata: {name: bench}
                oci:
                  region: eu-frankfurt-1
                  tier: paid
                  reservedIps: [{name: ingress, address: 203.0.113.11}]
                  vcn: {cidr: 10.1.0.0/16, subnet: 10.1.0.0/20}
                bastion: {privateIp: 10.1.0.5}
                proxmox:
                  bridge: {cidr: 10.0.0.0/16, gateway: 10.0.0.1}
                  hosts:
                """);
        for (int h = 0; h < hosts; h++) {
            String bridgeIp = h == 0 ? "10.0.0.1" : "10.0." + (200 + h / 200) + "." + (1 + h % 200);
            y.append("    - {name: pve").append(h).append(", privateIp: 10.1.").append(1 + h / 200).append('.').append(10 + h % 200)
                    .append(", bridgeIp: ").append(bridgeIp);
            if (h == 0) {
                y.append(", ingressFor: ingress, uplink: enp0s6, secondaryPrivateIp: 10.1.15.5");
            }
            y.append("}\n");
        }
        y.append("""
                network:
                  loadBalancerPools: [{name: lan, cidr: 10.0.255.0/24}]
                controlPlane: {vip: 10.0.0.254}
                nodes:
                """);
        for (int i = 0; i < nodes; i++) {
            String role = i < 3 ? "controlplane" : "worker";
            y.append("  - {name: n").append(i).append(", role: ").append(role).append(", host: pve").append(i % hosts)
                    .append(", vmid: ").append(1000 + i).append(", ip: 10.0.").append(1 + i / 250).append('.').append(1 + i % 250).append("}\n");
        }
        y.append("""
                addons:
                  tailscale:
                    enabled: true
                    oauth: {clientId: '${env:HOME}', clientSecret: '${env:HOME}'}
                namespaces: [{name: web}, {name: api}, {name: db}]
                services:
                  - {name: public-web, namespace: web, exposure: public, reservedIp: ingress, ports: [443]}
                  - {name: internal-api, namespace: api, exposure: tailnet, ports: [8080]}
                  - {name: database, namespace: db, exposure: cluster, ports: [5432], allowFrom: [{namespace: api}]}
                manifestRepo: {url: 'https://git.example/manifests.git', rawUrl: 'https://git.example/raw'}
                assertions: [{from: web, to: db, expect: denied}]
                """);
        return y.toString();
    }
}
