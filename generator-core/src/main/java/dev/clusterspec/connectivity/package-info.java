/**
 * Connectivity analysis: which workloads can reach which, on which ports, under the
 * NetworkPolicies (and the supported subset of CiliumNetworkPolicies) of a set of manifests.
 *
 * <p>Entry points: {@link dev.clusterspec.connectivity.ConnectivityAnalyzer#analyzeDirectory} and
 * {@link dev.clusterspec.connectivity.ConnectivityAnalyzer#analyze}; the answer is a
 * {@link dev.clusterspec.connectivity.ConnectivityResult} with the connection list, its text form
 * ({@code src => dst : TCP 8080,UDP 53}), a Markdown report and checks of
 * {@link dev.clusterspec.connectivity.ReachabilityAssertion}s.
 *
 * <p>The output format and its conventions (workload naming, how external IPv4 ranges are cut,
 * sorting, {@code All Connections}) follow the np-guard netpol-analyzer's {@code txt} output, so
 * that its published scenarios check this implementation byte for byte.
 *
 * <p>Input the API server would refuse is refused here too, naming the file: label keys and values,
 * selector operators without (or with stray) values, port names, {@code endPort} with a named port or
 * without a port, and two Namespaces or two policies of one kind in one namespace with one name.
 *
 * <p>Choices where the Kubernetes specification leaves room:
 * <ul>
 *   <li>A workload is one peer. When pods of one owner differ (labels, ports), a connection is
 *       reported if any pod of the source may reach any pod of the destination, on the union of
 *       what the pod pairs allow.</li>
 *   <li>External peers are IPv4 ranges; IPv6 ipBlocks match none of them. ipBlocks never match
 *       pods or nodes (as with Cilium's default CIDR match mode).</li>
 *   <li>A named port resolves against the destination pod's container ports (name and protocol);
 *       where it does not resolve, including towards external addresses, it allows nothing.</li>
 *   <li>With CiliumNetworkPolicies present, the nodes appear as pseudo-peers {@code {host}} and
 *       {@code {remote-node}}, evaluated by policy alone (Cilium's {@code allow-localhost=policy});
 *       plain NetworkPolicy reaches them only through rules without peers.</li>
 * </ul>
 */
package dev.clusterspec.connectivity;
