package dev.clusterspec.emit.workloads;

import java.util.List;
import java.util.Map;

/**
 * A spec service compiled to what its Kubernetes Service needs: type, labels beyond the common ones,
 * annotations, class and address fields of its exposure pattern. Maps keep a stable order (the
 * template writes them as given).
 */
record ExposedService(String name, String namespace, String exposure, String type, Map<String, String> labels,
                      Map<String, String> annotations, String loadBalancerClass, String loadBalancerIP, Map<String, String> selector,
                      List<Map<String, Object>> ports) {}
