# clusterspec: Proxmox VE firewall of Talos VM ${node} (vmid ${vmid}, ${role}) of cluster ${cluster}.
# Generated from cluster.yaml; do not edit. Install as /etc/pve/firewall/${vmid}.fw; the VM's net0
# needs firewall=1 (qm set ${vmid} --net0 <model>=<mac>,bridge=<bridge>,firewall=1).
# The rules live in the security groups of cluster.fw.

[OPTIONS]
enable: 1
policy_in: DROP
policy_out: ACCEPT

[RULES]
<#list groups as group>
GROUP ${group} -i net0
</#list>
