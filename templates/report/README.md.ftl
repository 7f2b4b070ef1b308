<#-- The Markdown twin of index.html, for Git diffs and forges. Values arrive escaped for Markdown
     (the md fields), so nothing from the spec is read as markup. -->
<#macro spans list><#list list as s>${s.md}</#list></#macro>
<#macro table t>
|<#list t.headers as h> ${h.md} |</#list>
|<#list t.headers as h><#if h.align == "right">---:|<#else>---|</#if></#list>
<#list t.rows as r>
|<#list r.cells as c> ${c.md} |</#list>
</#list>
</#macro>
# ${titleMd}

<@spans intro/>


<@table facts/>
<#if warnings?has_content>

## Warnings

<#list warnings as w>
- ${w.md}
</#list>
</#if>

## Contents

<#list sections as s>
${s?counter}. [${s.md}](#${s.id})
</#list>
<#list sections as s>

## ${s.md}
<#list s.blocks as b>

<#switch b.kind>
<#case "paragraph">
<@spans b.spans/>

<#break>
<#case "heading">
### ${b.md}
<#break>
<#case "table">
<@table b/>
<#break>
<#case "commands">
${b.fence}sh
${b.text}
${b.fence}
<#break>
<#case "bullets">
<#list b.items as item>
- <@spans item/>

</#list>
<#break>
<#case "diagram">
![${b.mdAlt}](${b.file})
<#break>
</#switch>
</#list>
</#list>
