<#--
  The bootstrap runbook's opening. The runbook's templates write a strict Markdown subset that
  RunbookDocument reads: "# Section {#id}", "## Step {#id}" (numbered in order), ```sh command blocks,
  tables, and paragraphs whose lines are joined with a space; `code` spans; {#id} in a paragraph is
  the number of an earlier step. Values need no escaping.
-->
# Bootstrap runbook {#bootstrap-runbook}

<#if warningCount gt 0>
Read the ${warningCount} <#if warningCount == 1>warning<#else>warnings</#if> at the top of this report before you start.

</#if>
<#if nested>
The implementation order of the architecture document, with this cluster's values.
<#else>
This cluster from zero, in order, with its values: each command's output shows that its step worked.
</#if>
Run the commands from the output folder `target/cluster`.
Values in `<angle brackets>` are not in the spec: fill them in.
