<#-- The spec's application namespaces, each with its Pod Security level (restricted unless the spec says otherwise). -->
<#import "pod-security.ftl" as pss>
<#list namespaces as ns>
<@pss.namespace name=ns.name level=ns.podSecurity version=podSecurityVersion/>
<#sep>---</#sep>
</#list>
