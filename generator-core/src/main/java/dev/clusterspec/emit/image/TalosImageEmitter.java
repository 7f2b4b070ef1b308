package dev.clusterspec.emit.image;

import dev.clusterspec.emit.OutputFile;
import dev.clusterspec.plan.ClusterPlan;
import dev.clusterspec.plan.TalosImage;
import java.util.List;

/**
 * {@code image/schematic.yaml}: the cluster's Image Factory schematic, with the ID, installer and boot
 * image it gives in a comment. Posting it to Image Factory returns the same ID (comments are not part
 * of what it hashes), which is how an operator can check the offline computation.
 */
public final class TalosImageEmitter {

    public static final String PATH = "image/schematic.yaml";

    private TalosImageEmitter() {}

    public static List<OutputFile> emit(ClusterPlan plan) {
        TalosImage image = plan.talosImage();
        String header = "# Image Factory schematic of cluster " + plan.name() + ". Generated from cluster.yaml; do not edit.\n"
                + "# id:         " + image.schematicId() + "\n"
                + "# installer:  " + image.installer() + "\n"
                + "# boot image: " + image.bootImageUrl() + "\n"
                + "# check: curl -sX POST --data-binary @" + PATH + " https://" + TalosImage.FACTORY + "/schematics  (returns the same id)\n";
        return List.of(OutputFile.text(PATH, header + image.schematicYaml()));
    }
}
