<#-- The upgrade section: regenerate, publish, re-apply the configs, then let Talos sync the manifests -->
<#import "lib.ftl" as lib>
# Upgrade {#upgrade}

Talos applies URL manifests only at boot and never updates existing objects: after a change, `talosctl upgrade-k8s` re-applies the manifests of the control-plane configs
(with the Kubernetes version unchanged, it only syncs them).
Changed manifests have new URLs, so publish before you apply.

```sh
# in the project folder, after editing cluster.yaml
mvn cluster:validate
mvn cluster:diff
mvn cluster:generate
mvn cluster:publish
cd target/cluster
export TALOSCONFIG="$PWD/${talosconfig}"
<#list controlPlanes + workers as node>
talosctl apply-config ${lib.at(node)} -f ${node.config}
</#list>
talosctl upgrade-k8s ${lib.at(controlPlanes[0])} --to ${kubernetesVersion} --dry-run
talosctl upgrade-k8s ${lib.at(controlPlanes[0])} --to ${kubernetesVersion}
kubectl -n kube-system rollout status ds/cilium --timeout=10m
```

<#if nested>
When `oci/`, `proxmox/` or `hosts/` changed, repeat the OCI, host and guest steps: Terraform updates what changed in place;
the host files are copied and loaded again (systemctl reload ${nftUnit} replaces its table atomically).
<#else>
When `oci/` changed, run `terraform -chdir=oci apply` again (step {#step-oci}) with the same inputs:
the security list and the load balancer change in place; a change of an instance's shape or address replaces it,
and the new instance waits in maintenance mode for step {#step-talos}'s `apply-config --insecure`.
</#if>
