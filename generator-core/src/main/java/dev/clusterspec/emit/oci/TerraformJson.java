package dev.clusterspec.emit.oci;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Terraform's JSON configuration syntax as every {@code oci/*.tf.json} writes it: a {@code //} comment,
 * then {@code variable}, {@code resource} and {@code output} objects. The files of {@code oci/} form one
 * Terraform root module, so each variable is declared in exactly one of them and used by any.
 */
final class TerraformJson {

    /** The compartment of everything clusterspec creates in OCI (declared by the security list's file). */
    static final String COMPARTMENT_VARIABLE = "clusterspec_compartment_id";
    /** The VCN (declared by the security list's file). */
    static final String VCN_VARIABLE = "clusterspec_vcn_id";

    private static final JsonMapper JSON = JsonMapper.shared();
    /** Two-space indent, one array element per line, "key": value, \n on every platform: diff-friendly. */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private TerraformJson() {}

    /** A new file's root with its comment. */
    static ObjectNode root(String comment) {
        ObjectNode root = JSON.createObjectNode();
        root.put("//", comment);
        return root;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Declares a string variable (in the file that owns it). */
    static void variable(ObjectNode root, String name, String description) {
        ObjectNode variables = root.has("variable") ? (ObjectNode) root.get("variable") : root.putObject("variable");
        variables.putObject(name).put("type", "string").put("description", description);
    }

    /** {@code ${var.name}}. */
    static String var(String name) {
        return "${var." + name + "}";
    }

    /** {@code ${type.name.attribute}}: a reference Terraform resolves (and orders the resources by). */
    static String ref(String type, String name, String attribute) {
        return "${" + type + "." + name + "." + attribute + "}";
    }

    /** The body of a new resource {@code type.name}. */
    static ObjectNode resource(ObjectNode root, String type, String name) {
        ObjectNode resources = root.has("resource") ? (ObjectNode) root.get("resource") : root.putObject("resource");
        ObjectNode ofType = resources.has(type) ? (ObjectNode) resources.get(type) : resources.putObject(type);
        if (ofType.has(name)) {
            throw new IllegalStateException("two " + type + " resources are named " + name);
        }
        return ofType.putObject(name);
    }

    /** An output value with its description. */
    static ObjectNode output(ObjectNode root, String name, String description) {
        ObjectNode outputs = root.has("output") ? (ObjectNode) root.get("output") : root.putObject("output");
        ObjectNode output = outputs.putObject(name);
        output.put("description", description);
        return output;
    }

    static String write(ObjectNode node) {
        return JSON.writer().with(PRINTER).writeValueAsString(node) + "\n";
    }
}
