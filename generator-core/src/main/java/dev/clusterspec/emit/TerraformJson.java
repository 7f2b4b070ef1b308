package dev.clusterspec.emit;

import tools.jackson.databind.node.JsonNodeFactory;
import dev.clusterspec.yaml.JsonWriter;
import tools.jackson.databind.node.ObjectNode;

/**
 * Terraform's JSON configuration syntax ({@code *.tf.json}) as every such file is written: a {@code //}
 * comment, then {@code terraform}, {@code variable}, {@code resource} and {@code output} objects. The files
 * of one folder form one root module, so each variable is declared in exactly one of them and used by any.
 */
public final class TerraformJson {


    private TerraformJson() {}

    /** A new file's root with its comment. */
    public static ObjectNode root(String comment) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("//", comment);
        return root;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** {@code terraform.required_providers.<name> = {source, version}}. */
    public static void requireProvider(ObjectNode root, String name, String source, String version) {
        ObjectNode provider = root.withObject("terraform").withObject("required_providers").putObject(name);
        provider.put("source", source);
        if (version != null) {
            provider.put("version", version);
        }
    }

    /** Declares a variable the user sets ({@code -var name=...}, {@code TF_VAR_name} or a .tfvars file). */
    public static ObjectNode variable(ObjectNode root, String name, String type, String description) {
        ObjectNode variable = root.withObject("variable").putObject(name);
        variable.put("type", type);
        variable.put("description", description);
        return variable;
    }

    /** {@code ${var.name}}. */
    public static String var(String name) {
        return "${var." + name + "}";
    }

    /** {@code ${type.name.attribute}}: a reference Terraform resolves (and orders the resources by). */
    public static String ref(String type, String name, String attribute) {
        return "${" + type + "." + name + "." + attribute + "}";
    }

    /** The body of a new resource {@code type.name}. */
    public static ObjectNode resource(ObjectNode root, String type, String name) {
        ObjectNode ofType = root.withObject("resource").withObject(type);
        if (ofType.has(name)) {
            throw new IllegalStateException("two " + type + " resources are named " + name);
        }
        return ofType.putObject(name);
    }

    /** An output value with its description. */
    public static ObjectNode output(ObjectNode root, String name, String description) {
        ObjectNode output = root.withObject("output").putObject(name);
        output.put("description", description);
        return output;
    }

    public static String write(ObjectNode root) {
        // two-space indent, one array element per line, "key": value, \n on every platform: diff-friendly
        return JsonWriter.write(root, JsonWriter.Layout.ONE_PER_LINE) + "\n";
    }
}
