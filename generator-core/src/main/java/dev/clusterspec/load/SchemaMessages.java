package dev.clusterspec.load;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Turns a schema finding into a sentence that says what is wrong and what to write instead. Values
 * are echoed only where they cannot be secrets: a rejected secret reference is never repeated.
 */
final class SchemaMessages {

    private SchemaMessages() {}

    static String describe(Error error, String pointer) {
        JsonNode schemaTree = SpecSchema.get().tree();
        String schemaPath = SpecSchema.pointer(error.getSchemaLocation().getFragment());
        JsonNode value = error.getInstanceNode();
        String field = fieldName(pointer);
        return switch (error.getKeyword()) {
            case "required" -> "missing required field '" + error.getProperty() + "'" + where(pointer, value);
            case "additionalProperties" -> unknownField(error.getProperty(), schemaTree.at(parent(schemaPath)).get("properties"),
                    where(pointer, value));
            case "enum" -> field + " must be one of " + list(error.getSchemaNode()) + shown(value);
            case "const" -> field + " must be " + error.getSchemaNode() + shown(value);
            case "type" -> field + " must be " + article(error.getSchemaNode().asString()) + ", not " + found(value);
            case "pattern" -> pattern(field, schemaPath, value);
            case "minimum", "maximum" -> field + " must be " + ("minimum".equals(error.getKeyword()) ? "at least " : "at most ")
                    + error.getSchemaNode() + shown(value);
            case "minItems" -> field + " needs at least " + error.getSchemaNode() + " item(s)";
            case "minLength" -> field + " must not be empty";
            case "minProperties" -> field + " must name at least one of " + list(namesOf(schemaTree.at(parent(schemaPath)).get("properties")));
            case "oneOf" -> field + " must be a port number from 1 to 65535 (e.g. 443) or a mapping {port, targetPort, protocol}" + shown(value);
            default -> field + ": " + error.getMessage();
        };
    }

    /** 'vip', or "item 2 of 'ports'" for list elements. */
    private static String fieldName(String pointer) {
        if (pointer.isEmpty()) {
            return "the spec";
        }
        String[] parts = pointer.substring(1).split("/");
        String last = parts[parts.length - 1];
        if (last.chars().allMatch(Character::isDigit) && parts.length > 1) {
            return "item " + (Integer.parseInt(last) + 1) + " of '" + parts[parts.length - 2] + "'";
        }
        return "'" + last + "'";
    }

    private static String pattern(String field, String schemaPath, JsonNode value) {
        if (schemaPath.contains("/$defs/secretRef")) {
            return field + " must be a secret reference, ${env:NAME} or ${file:path}; secrets are never written in the spec";
        }
        if (schemaPath.contains("/$defs/ageRecipient")) {
            // a private key pasted here must not be repeated in the message
            return value != null && value.asString("").toUpperCase(Locale.ROOT).startsWith("AGE-SECRET-KEY-")
                    ? field + " is a private key (an identity), not a recipient: put its public key here (age-keygen -y <key file>)"
                            + " and take the private key out of the spec"
                    : field + " must be an age recipient: age1 and 58 more characters, as age-keygen -y prints it";
        }
        if (schemaPath.contains("/$defs/relativePath")) {
            return field + " must be a path relative to the folder of cluster.yaml and inside it: no leading '/', no '..'" + shown(value);
        }
        if (schemaPath.contains("/$defs/ipv4")) {
            return field + " must be an IPv4 address like 10.0.0.11" + shown(value);
        }
        if (schemaPath.contains("/$defs/cidr")) {
            return field + " must be an IPv4 CIDR like 10.0.0.0/24" + shown(value);
        }
        if (schemaPath.contains("/$defs/dnsLabel")) {
            return field + " must be a DNS label: lowercase letters, digits and '-', at most 63, starting and ending with a letter or digit" + shown(value);
        }
        String regex = SpecSchema.get().tree().at(schemaPath).asString("");
        return field + " must match " + regex + shown(value);
    }

    private static String unknownField(String name, JsonNode properties, String where) {
        List<String> allowed = namesOf(properties);
        String suggestion = allowed.stream()
                .min(Comparator.comparingInt(candidate -> distance(candidate.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))))
                .filter(best -> distance(best.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)) <= Math.max(2, name.length() / 3))
                .map(best -> "; did you mean '" + best + "'?")
                .orElse("; allowed here: " + String.join(", ", allowed));
        return "unknown field '" + name + "'" + where + suggestion;
    }

    private static List<String> namesOf(JsonNode properties) {
        List<String> names = new ArrayList<>();
        if (properties != null) {
            properties.propertyNames().forEach(names::add);
        }
        return names;
    }

    /** " in /nodes/1 (w-1)": the path, and the name of the item when it has one, so people find it by name. */
    private static String where(String pointer, JsonNode object) {
        if (pointer.isEmpty()) {
            return "";
        }
        JsonNode name = object == null ? null : object.get("name");
        boolean named = name != null && name.isString() && !name.asString().isBlank() && name.asString().length() <= 63;
        return " in " + pointer + (named ? " (" + name.asString() + ")" : "");
    }

    private static String shown(JsonNode value) {
        if (value == null || value.isContainer()) {
            return "";
        }
        String text = value.isString() ? value.asString() : value.toString();
        return text.length() > 60 ? "" : ", not '" + text + "'";
    }

    private static String list(JsonNode values) {
        List<String> items = new ArrayList<>();
        values.forEach(v -> items.add(v.isString() ? v.asString() : v.toString()));
        return list(items);
    }

    private static String list(List<String> items) {
        return String.join(", ", items);
    }

    /**
     * What was written instead: a number or true/false as written (203.5), since neither can be a
     * secret; text only as "text", since a misplaced secret is text.
     */
    private static String found(JsonNode value) {
        if (value != null && (value.isNumber() || value.isBoolean())) {
            return value.toString();
        }
        return kind(value);
    }

    private static String kind(JsonNode value) {
        if (value == null || value.isNull()) {
            return "empty";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return "text";
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            case "string" -> "text";
            default -> type;
        };
    }

    private static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
