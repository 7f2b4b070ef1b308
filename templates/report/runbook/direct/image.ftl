<#-- Topology direct, the image: Image Factory's oracle image, converted and imported as the custom image the instances boot -->
## Talos image {#step-image}

The instances boot the Talos ${image.talosVersion} image of this cluster's schematic (`${image.schematicPath}`), for OCI on ${image.architecture}.
OCI boots it as a stream-optimized VMDK, imported with its default (BIOS) firmware and paravirtualized launch mode; the qcow2 Image Factory serves does not boot there.
This is the least tested step of the path: watch the first instance's serial console.

```sh
curl -fL -o ${image.file} ${image.url}
qemu-img convert -f qcow2 -O vmdk -o subformat=streamOptimized ${image.file} ${image.vmdk}
oci os object put --bucket-name <bucket> --file ${image.vmdk}
oci compute image import from-object --compartment-id "$TF_VAR_${compartmentVariable}" --namespace "$(oci os ns get --query data --raw-output)" --bucket-name <bucket> --name ${image.vmdk} --display-name talos-${image.talosVersion}-${image.schematic} --source-image-type VMDK --launch-mode PARAVIRTUALIZED --operating-system Talos --operating-system-version ${image.talosVersion} --query data.id --raw-output
export TF_VAR_clusterspec_talos_image_id=<the image OCID the import printed>
oci compute image get --image-id "$TF_VAR_clusterspec_talos_image_id" --query 'data."lifecycle-state"' --raw-output   # AVAILABLE once imported (several minutes)
oci compute image-shape-compatibility-entry add --image-id "$TF_VAR_clusterspec_talos_image_id" --shape-name ${instanceShape}
```
