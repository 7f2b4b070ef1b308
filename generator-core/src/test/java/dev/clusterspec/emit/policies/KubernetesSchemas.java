package dev.clusterspec.emit.policies;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.clusterspec.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference JSON schemas (kubeconform's standalone-strict Kubernetes schemas and the Cilium CRD
 * schemas), read from the shared reference folder and applied as draft-07, which is what they are.
 */
final class KubernetesSchemas {

    private KubernetesSchemas() {}

    static Schema load(String relativePath) throws Exception {
        Path file = Examples.reference().resolve("k8s-schemas").resolve(relativePath);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("reference schema missing: " + file + " (tests read the shared reference data)");
        }
        ObjectNode tree = (ObjectNode) JsonMapper.shared().readTree(file.toFile());
        // the files declare "http://json-schema.org/schema#", which names no draft; they are draft-07
        tree.remove("$schema");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(tree);
        schema.initializeValidators();
        return schema;
    }

    static List<String> errors(Schema schema, JsonNode document) {
        List<Error> errors = schema.validate(document);
        return errors.stream().map(Error::toString).toList();
    }

    static Schema networkPolicy() throws Exception {
        return load("v1.31.14-standalone-strict/networkpolicy-networking-v1.json");
    }

    static Schema ciliumNetworkPolicy() throws Exception {
        return load("crds/cilium.io/ciliumnetworkpolicy_v2.json");
    }
}
