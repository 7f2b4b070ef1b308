package dev.clusterspec.emit.manifests;

import java.util.List;
import java.util.Optional;

/** A component with one folder of fixed YAML, for tests of the assembler and the guards around it. */
record FixedComponent(String name, int order, String yaml) implements Component {

    @Override
    public List<ManifestComponent> manifests(ComponentInputs inputs) {
        return folder(Optional.of(yaml));
    }
}
