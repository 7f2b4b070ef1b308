package dev.clusterspec.emit.oci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The attributes terraform-provider-oci declares for the resource types clusterspec writes, as listed
 * in {@code src/test/resources/terraform/oci-provider-schema.txt} (read from the provider's source; the
 * file names the release and the files). {@link #problems} checks a Terraform JSON module against them:
 * every attribute known and settable, of the declared type, every required one present, every
 * reference to a resource or variable that the module defines.
 */
final class ProviderSchema {

    static final Path FIXTURE = Path.of("src/test/resources/terraform/oci-provider-schema.txt");

    /** One attribute: required, optional or computed; its schema type (block for a nested block). */
    record Attribute(String kind, String type) {}

    private static final Pattern SECTION = Pattern.compile("\\[(\\S+)] (\\S+)");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern RESOURCE_REF = Pattern.compile("\\b(oci_[a-z_]+)\\.([A-Za-z_][A-Za-z0-9_-]*)\\.([a-z_]+)");
    private static final Pattern VARIABLE_REF = Pattern.compile("\\bvar\\.([A-Za-z_][A-Za-z0-9_-]*)");

    private final Map<String, Map<String, Attribute>> types;

    private ProviderSchema(Map<String, Map<String, Attribute>> types) {
        this.types = types;
    }

    static ProviderSchema load() {
        try {
            Map<String, Map<String, Attribute>> types = new LinkedHashMap<>();
            Map<String, Attribute> current = null;
            for (String line : Files.readAllLines(FIXTURE)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher section = SECTION.matcher(line);
                if (section.matches()) {
                    current = new LinkedHashMap<>();
                    types.put(section.group(1), current);
                    continue;
                }
                String[] parts = line.split(" ");
                current.put(parts[0], new Attribute(parts[1], parts[2]));
            }
            return new ProviderSchema(types);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Map<String, Attribute>> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** What is wrong with a module (its files' JSON trees, by path): empty when everything checks. */
    List<String> problems(Map<String, JsonNode> module) {
        List<String> problems = new ArrayList<>();
        Map<String, String> resources = new LinkedHashMap<>();
        Map<String, Integer> variables = new LinkedHashMap<>();
        for (JsonNode file : module.values()) {
            file.path("variable").propertyNames().forEach(v -> variables.merge(v, 1, Integer::sum));
            JsonNode resource = file.path("resource");
            for (String type : resource.propertyNames()) {
                resource.get(type).propertyNames().forEach(name -> {
                    if (resources.put(type + "." + name, type) != null) {
                        problems.add("resource " + type + "." + name + " is defined twice");
                    }
                });
            }
        }
        variables.forEach((v, n) -> {
            if (n > 1) {
                problems.add("variable " + v + " is declared " + n + " times in one module");
            }
        });
        module.forEach((path, file) -> {
            JsonNode resource = file.path("resource");
            for (String type : resource.propertyNames()) {
                Map<String, Attribute> schema = types.get(type);
                if (schema == null) {
                    problems.add(path + ": resource type " + type + " is not in the fixture");
                    continue;
                }
                for (String name : resource.get(type).propertyNames()) {
                    body(path + ": " + type + "." + name, schema, "", resource.get(type).get(name), problems);
                }
            }
            references(path, file, resources, variables.keySet(), problems);
        });
        return problems;
    }

    private void body(String where, Map<String, Attribute> schema, String prefix, JsonNode body, List<String> problems) {
        for (String key : body.propertyNames()) {
            String path = prefix + key;
            Attribute attribute = schema.get(path);
            JsonNode value = body.get(key);
            if (attribute == null) {
                problems.add(where + ": " + path + " is not an attribute of the provider's schema");
            } else if (attribute.kind().equals("computed")) {
                problems.add(where + ": " + path + " is computed by the provider and cannot be set");
            } else if (attribute.type().equals("block")) {
                List<JsonNode> blocks = value.isArray() ? toList(value) : List.of(value);
                for (JsonNode block : blocks) {
                    if (!block.isObject()) {
                        problems.add(where + ": " + path + " is a block, written as " + value.getNodeType());
                    } else {
                        body(where, schema, path + ".", block, problems);
                    }
                }
            } else if (!typeFits(attribute.type(), value)) {
                problems.add(where + ": " + path + " is of type " + attribute.type() + ", written as " + value);
            }
        }
        // required attributes of this level (or of a nested block that is written)
        schema.forEach((path, attribute) -> {
            boolean thisLevel = path.startsWith(prefix) && !path.substring(prefix.length()).contains(".");
            if (thisLevel && attribute.kind().equals("required") && !body.has(path.substring(prefix.length()))) {
                problems.add(where + ": required " + path + " is missing");
            }
        });
    }

    private static boolean typeFits(String type, JsonNode value) {
        if (value.isString() && value.asString().contains("${")) {
            return true; // an expression: Terraform checks its type when it evaluates it
        }
        return switch (type) {
            case "string" -> value.isString();
            case "bool" -> value.isBoolean();
            case "int" -> value.isIntegralNumber();
            case "float" -> value.isNumber();
            case "list", "set" -> value.isArray();
            case "map" -> value.isObject();
            default -> false;
        };
    }

    /** Every {@code ${...}} names resources the module has (with an attribute of their type) and declared variables. */
    private void references(String path, JsonNode file, Map<String, String> resources, java.util.Set<String> variables,
                            List<String> problems) {
        for (String text : strings(file)) {
            Matcher expression = REFERENCE.matcher(text);
            while (expression.find()) {
                Matcher resource = RESOURCE_REF.matcher(expression.group(1));
                while (resource.find()) {
                    String type = resources.get(resource.group(1) + "." + resource.group(2));
                    String attribute = resource.group(3);
                    if (type == null) {
                        problems.add(path + ": " + resource.group() + " names no resource of the module");
                    } else if (!attribute.equals("id") && !types.get(type).containsKey(attribute)) {
                        problems.add(path + ": " + resource.group() + " names no attribute of " + type);
                    }
                }
                Matcher variable = VARIABLE_REF.matcher(expression.group(1));
                while (variable.find()) {
                    if (!variables.contains(variable.group(1))) {
                        problems.add(path + ": var." + variable.group(1) + " is not declared in the module");
                    }
                }
            }
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isString()) {
            out.add(node.asString());
        }
        node.forEach(child -> out.addAll(strings(child)));
        return out;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
