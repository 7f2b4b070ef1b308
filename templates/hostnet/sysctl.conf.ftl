# clusterspec: kernel settings of Proxmox host ${host} (cluster ${cluster}). Generated from cluster.yaml; do not edit.
# Install as /etc/sysctl.d/99-clusterspec.conf and apply with: sysctl --system
#
# The host routes between the VM bridge and the VCN: the VMs' egress (masqueraded by the gateway
# host) and public traffic DNATed to the cluster. The forward chain of clusterspec.nft drops the rest.
net.ipv4.ip_forward = 1
# Answer ARP only on the interface that holds the address, and ask with an address of the asking
# interface. Proxmox's firewall bridges (fwbrN, one per NIC with firewall=1) hold no address but
# would otherwise answer for the bridge address with their own MAC, and the VMs' egress would enter
# the host there instead of through the VM bridge.
net.ipv4.conf.all.arp_ignore = 1
net.ipv4.conf.all.arp_announce = 2
