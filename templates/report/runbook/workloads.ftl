<#-- What the user's workloads must look like for the generated policies to select them -->
## Deploy workloads {#step-workloads}

<#if services?has_content>
The policies select pods by label: each service's pods must carry these labels and listen on these ports
(a container port named metrics is what the monitoring namespace may scrape).

| service | pod labels | container ports |
|---|---|---|
<#list services as s>
| ${s.namespace}/${s.name} | <#if s.labels?has_content>`${s.labels}`</#if> | <#list s.ports as p>${p.number}/${p.protocol}<#sep>, </#list> |
</#list>
<#else>
The spec declares no services; workloads get only the namespaces' defaults (DNS, egress to the internet).
</#if>
