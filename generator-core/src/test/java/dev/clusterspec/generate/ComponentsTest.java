package dev.clusterspec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterspec.emit.manifests.Component;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one list of components: complete, in apply order, and with the names the repo's folders use. */
class ComponentsTest {

    @Test
    void theListIsInApplyOrderAndEveryNameIsUnique() {
        assertThat(Components.ALL).extracting(Component::order).isSorted();
        assertThat(Components.ALL.stream().map(Component::name).collect(Collectors.toSet())).hasSameSizeAs(Components.ALL);
    }

    /** A component written but not listed would silently never reach the cluster. */
    @Test
    void everyComponentInTheCodeIsListed() throws IOException, URISyntaxException {
        Path classes = Path.of(Component.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> implementations;
        try (Stream<Path> files = Files.walk(classes)) {
            implementations = files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(ComponentsTest::isComponent)
                    .collect(Collectors.toSet());
        }
        assertThat(implementations).isNotEmpty()
                .isEqualTo(Components.ALL.stream().map(c -> c.getClass().getName()).collect(Collectors.toSet()));
    }

    private static boolean isComponent(String className) {
        try {
            Class<?> type = Class.forName(className, false, Component.class.getClassLoader());
            return Component.class.isAssignableFrom(type) && !type.isInterface() && List.of(type.getInterfaces()).contains(Component.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
