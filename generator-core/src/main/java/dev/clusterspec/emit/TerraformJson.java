package dev.clusterspec.emit;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Terraform JSON ({@code *.tf.json}) files: one layout for all of them, and the blocks they share. */
public final class TerraformJson {

    private static final JsonMapper JSON = JsonMapper.shared();
    /** Two-space indent, one array element per line, "key": value, \n on every platform: diff-friendly. */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private TerraformJson() {}

    public static ObjectNode root() {
        return JSON.createObjectNode();
    }

    /** {@code terraform.required_providers.<name> = {source, version}}. */
    public static void requireProvider(ObjectNode root, String name, String source, String version) {
        ObjectNode provider = root.putObject("terraform").putObject("required_providers").putObject(name);
        provider.put("source", source);
        if (version != null) {
            provider.put("version", version);
        }
    }

    /** A variable the user sets ({@code -var name=...} or a .tfvars file). */
    public static ObjectNode variable(ObjectNode root, String name, String type, String description) {
        ObjectNode variable = root.withObject("variable").putObject(name);
        variable.put("type", type);
        variable.put("description", description);
        return variable;
    }

    public static String write(ObjectNode root) {
        return JSON.writer().with(PRINTER).writeValueAsString(root) + "\n";
    }
}
