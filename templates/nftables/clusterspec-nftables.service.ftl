# clusterspec: loads the nftables table of Proxmox host ${host} (cluster ${cluster}). Generated from cluster.yaml; do not edit.
# Install as /etc/systemd/system/${unit}, then: systemctl daemon-reload && systemctl enable --now ${unit}
#
# A unit of its own, never an include in /etc/nftables.conf, whose Debian default begins by flushing
# the whole ruleset. It starts after nftables.service and follows its restarts and reloads, so a
# flush by nftables.service is always followed by loading this table again.
[Unit]
Description=clusterspec nftables table (public DNAT, VM egress, forward filter)
Documentation=file://${installPath}
DefaultDependencies=no
Wants=network-pre.target
Before=network-pre.target shutdown.target
After=nftables.service
PartOf=nftables.service
ReloadPropagatedFrom=nftables.service
Conflicts=shutdown.target

[Service]
Type=oneshot
RemainAfterExit=yes
StandardInput=null
ExecStart=/usr/sbin/nft -f ${installPath}
ExecReload=/usr/sbin/nft -f ${installPath}
ExecStop=/usr/sbin/nft delete table inet ${table}

[Install]
WantedBy=sysinit.target
