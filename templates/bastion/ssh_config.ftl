# clusterspec: SSH to cluster ${cluster} through its bastion. Generated from cluster.yaml; do not edit.
#
# Use it directly (ssh -F bastion/ssh_config <host>) or from ~/.ssh/config with
#   Include /path/to/target/cluster/bastion/ssh_config
<#if !address?has_content>
# The bastion has an ephemeral public IP, unknown here: put it first in ~/.ssh/config (the first
# value ssh finds wins), before the Include line:
#   Host ${alias}
#       HostName <the bastion's public IP>
</#if>

Host ${alias}
<#if address?has_content>
    HostName ${address}
</#if>
    User ${user}
<#list hosts as h>

Host ${h.name}
    HostName ${h.address}
    User root
    ProxyJump ${alias}
</#list>
