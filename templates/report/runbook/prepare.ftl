<#-- Step 0: the shell every later command runs in; for topology direct, the inputs of the Terraform module in oci/ -->
## Prepare {#step-prepare}

```sh
cd target/cluster
export TALOSCONFIG="$PWD/${talosconfig}"
<#if manifests.publish>
# the control planes fetch ${manifests.urlCount} manifests by URL at boot: publish the manifest repo first (from the project folder)
(cd ../.. && mvn cluster:publish)
</#if>
<#if !nested>
<#assign inputs = terraformInputs>
# the inputs of the Terraform files in oci/ (every terraform command below reads them from the environment)
<#if inputs.tenancy>
export TF_VAR_clusterspec_tenancy_id=<tenancy OCID>
</#if>
export TF_VAR_${compartmentVariable}=${inputs.compartmentId!"<compartment OCID>"}
export TF_VAR_${vcnVariable}=${inputs.vcnId!"<VCN OCID>"}
export TF_VAR_clusterspec_subnet_id=${inputs.subnetId!"<OCID of subnet ${nodeNetwork}>"}
export TF_VAR_clusterspec_availability_domain=<availability domain>
<#if inputs.apiReservedIp??>
export TF_VAR_clusterspec_api_reserved_ip_id=<OCID of reserved IP ${inputs.apiReservedIp}>
</#if>
oci iam availability-domain list --compartment-id "$TF_VAR_${compartmentVariable}" --query 'data[].name'   # the OCI CLI works; pick the availability domain from this list
</#if>
```
