#!/bin/sh
# clusterspec: the Proxmox guests of cluster ${cluster}. Generated from cluster.yaml; do not edit.
#
# Run on each Proxmox host as root, naming it:   ssh root@<host> 'sh -s -- <host>' < proxmox/vms.sh
# (hosts: ${hostNames}). It creates the guests that belong on that host, downloads the Talos boot
# image there first, starts each guest, and leaves guests that already exist as they are. On the
# mesh gateway's host, ${templateVariable} names its Debian 12 container template, e.g.
# ${templateVariable}=local:vztmpl/debian-12-standard_12.12-1_arm64.tar.zst (pveam available --section system).
set -eu

host="${r"${1:?usage: vms.sh <host>}"}"
if [ "$(hostname)" != "$host" ]; then
  echo "this is $(hostname), not $host: run the script on $host" >&2
  exit 1
fi
iso_storage='${isoStorage}'
iso_file='${isoFile}'
iso_url='${isoUrl}'

# the Talos boot image from Image Factory (nocloud: it takes its address from the cloud-init drive)
talos_iso() {
  if pvesm list "$iso_storage" --content iso | grep -q "$iso_file"; then
    echo "$iso_file is already in $iso_storage"
  else
    pvesh create "/nodes/$host/storage/$iso_storage/download-url" --content iso --filename "$iso_file" --url "$iso_url"
  fi
}

vm() {
  id="$1"; shift
  if qm status "$id" >/dev/null 2>&1; then
    echo "VM $id exists: left as it is"
  else
    qm create "$id" "$@"
    qm start "$id"
  fi
}

container() {
  id="$1"; shift
  if pct status "$id" >/dev/null 2>&1; then
    echo "container $id exists: left as it is"
  else
    pct create "$id" "${r"${"}${templateVariable}${r":?set "}${templateVariable}${r" to its Debian 12 template}"}" "$@"
    pct start "$id"
  fi
}

case "$host" in
<#list hosts as h>
  ${h.name})
<#if h.iso>
    talos_iso
</#if>
<#list h.vms as vm>
    vm ${vm}
</#list>
<#if h.container?has_content>
    container ${h.container}
</#if>
<#if !h.iso && !h.container?has_content>
    echo "no guests of cluster ${cluster} on ${h.name}"
</#if>
    ;;
</#list>
  *)
    echo "$host is not a host of cluster ${cluster} (${hostNames})" >&2
    exit 1
    ;;
esac
