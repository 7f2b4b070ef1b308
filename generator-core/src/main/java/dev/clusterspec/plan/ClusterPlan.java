package dev.clusterspec.plan;

import dev.clusterspec.load.LoadedSpec;
import dev.clusterspec.load.manifests.UserManifests;
import dev.clusterspec.load.patches.TalosPatches;
import dev.clusterspec.spec.Cidr;
import dev.clusterspec.spec.ClusterSpec;
import dev.clusterspec.spec.Ip;
import dev.clusterspec.spec.ManifestRepo;
import dev.clusterspec.spec.Network.LoadBalancerPool;
import dev.clusterspec.spec.Node;
import dev.clusterspec.spec.Proxmox;
import dev.clusterspec.spec.Proxmox.Host;
import dev.clusterspec.spec.ServiceSpec;
import dev.clusterspec.spec.ServiceSpec.Exposure;
import dev.clusterspec.spec.Topology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.clusterspec.spec.ExtraManifestUrl;
import dev.clusterspec.spec.FetchTokenScope;

/**
 * The facts every emitter shares, derived once from a validated spec: endpoints, certificate
 * names, LoadBalancer addresses of public services, who the administrators are. Emitters read the
 * plan; they do not derive these again.
 */
public final class ClusterPlan {

    /**
     * The kernel's name of a node's NIC: the nocloud and oracle Talos images boot with
     * {@code net.ifnames=0}, so a node's one NIC is eth0 whatever the machine type or PCI layout.
     * Cilium and its L2 policy see kernel names (a Talos link alias is not one).
     */
    public static final String NODE_NIC = "eth0";

    private final ClusterSpec spec;
    private final String specSha256;
    private final LoadedSpec source;
    private final List<PublicExposure> publicExposures;
    private final List<String> certSans;
    private final Optional<MeshGateway> meshGateway;
    private final TalosImage talosImage;
    private final GuestMacs guestMacs;
    private final List<Cidr> admins;
    private final Optional<ApiLoadBalancer> apiLoadBalancer;
    private TalosPatches talosPatches;
    private UserManifests userManifests;

    private ClusterPlan(ClusterSpec spec, String specSha256, LoadedSpec source, TalosPatches talosPatches, UserManifests userManifests) {
        this.spec = spec;
        this.specSha256 = specSha256;
        this.source = source;
        this.talosPatches = talosPatches;
        this.userManifests = userManifests;
        this.publicExposures = assignPublicExposures(spec);
        this.certSans = certSans(spec);
        this.meshGateway = spec.topology() == Topology.NESTED
                ? spec.proxmoxIfAny().flatMap(p -> MeshGateway.of(spec.name(), p, spec.network().tailnet()))
                : Optional.empty();
        this.admins = admins(spec);
        this.talosImage = talosImage(spec);
        this.guestMacs = GuestMacs.of(spec.name(), guests(spec, meshGateway));
        this.apiLoadBalancer = apiLoadBalancer(spec);
    }

    public static ClusterPlan of(LoadedSpec loaded) {
        return new ClusterPlan(loaded.spec(), loaded.sha256(), loaded, null, null);
    }

    /** The plan of a validated spec, with the patches and manifests that validation already read. */
    public static ClusterPlan of(LoadedSpec loaded, TalosPatches talosPatches, UserManifests userManifests) {
        return new ClusterPlan(loaded.spec(), loaded.sha256(), loaded, talosPatches, userManifests);
    }

    /** A plan of a spec built in code: it has no file, so it can name no file beside it. */
    public static ClusterPlan of(ClusterSpec spec, String specSha256) {
        return new ClusterPlan(spec, specSha256, null, null, null);
    }

    public ClusterSpec spec() {
        return spec;
    }

    /**
     * The spec's Talos patches: as validation read them, or read from the spec and the files it names
     * when first asked for (a plan made in code from another spec's values need not carry that spec's
     * folder until it is used).
     */
    public TalosPatches talosPatches() {
        if (talosPatches == null) {
            talosPatches = TalosPatches.of(spec, source());
        }
        return talosPatches;
    }

    /** The user's own manifests ({@code manifests.folder}): as validation read them, or read when first asked for. */
    public UserManifests userManifests() {
        if (userManifests == null) {
            userManifests = UserManifests.of(spec, source());
        }
        return userManifests;
    }

    /**
     * The spec file the plan was made from, with the positions of its values: what emitters need to
     * read files the spec names (relative to its folder) and to report problems at their place.
     */
    public Optional<LoadedSpec> source() {
        return Optional.ofNullable(source);
    }

    public String name() {
        return spec.name();
    }

    /** SHA-256 of the spec file's bytes: names the spec in commit messages and fingerprints. */
    public String specSha256() {
        return specSha256;
    }

    public boolean nested() {
        return spec.topology() == Topology.NESTED;
    }

    /**
     * The cluster endpoint the Talos configs name: the VIP or endpointHost (nested), the API load
     * balancer's private IP (direct; see {@link ApiLoadBalancer} for why not its public address).
     */
    public String endpointUrl() {
        return url(apiLoadBalancer.map(lb -> lb.privateIp().toString())
                .orElseGet(() -> spec.controlPlane().endpointHostIfAny().orElseGet(() -> spec.controlPlane().vip().toString())));
    }

    /**
     * The host admins give talosctl ({@code -e}) and kubectl: the cluster endpoint's (nested); the API
     * load balancer's private IP when the admins are inside the VCN (the bastion), else its public host.
     */
    public String adminEndpointHost() {
        return apiLoadBalancer.map(lb -> adminsInsideVcn() ? lb.privateIp().toString() : lb.publicHost().orElse(lb.privateIp().toString()))
                .orElseGet(() -> spec.controlPlane().endpointHostIfAny().orElseGet(() -> spec.controlPlane().vip().toString()));
    }

    /** The Kubernetes API URL admins use: {@link #adminEndpointHost()} on the API port. */
    public String adminApiUrl() {
        return url(adminEndpointHost());
    }

    private String url(String host) {
        return "https://" + host + ":" + spec.controlPlane().port();
    }

    /** The control planes' Layer-2 VIP (topology nested); null in topology direct, which has none. */
    public Ip vip() {
        return spec.controlPlane().vip();
    }

    /** The OCI network load balancer in front of the control planes (topology direct). */
    public Optional<ApiLoadBalancer> apiLoadBalancer() {
        return apiLoadBalancer;
    }

    /** Whether every admin address lies inside the VCN (the bastion): admins then never need a public address. */
    public boolean adminsInsideVcn() {
        return !admins.isEmpty() && admins.stream().allMatch(a -> spec.oci().vcn().cidr().contains(a));
    }

    /**
     * Whether the Talos instances get a public IP (topology direct). Their egress (images, Image
     * Factory, discovery) needs one: a public load balancer must sit in a public subnet, whose default
     * route is an internet gateway, and an Always Free tenancy has no NAT gateway. The security list
     * and the Talos firewall admit nothing from the internet but ICMP and the admins.
     */
    public boolean nodesHavePublicIps() {
        return !nested();
    }

    /**
     * The nodes an OCI load balancer of a public service forwards to: Kubernetes leaves out nodes labelled
     * exclude-from-external-load-balancers, which the control planes are unless they are the only nodes.
     */
    public List<Node> loadBalancerBackends() {
        return spec.workers().isEmpty() ? spec.nodes() : spec.workers();
    }

    /** Where talosctl connects (the talosconfig's endpoints): the control planes (nested), the API load balancer (direct). */
    public List<String> talosEndpoints() {
        return apiLoadBalancer.isPresent() ? List.of(adminEndpointHost())
                : spec.controlPlanes().stream().map(n -> n.ip().toString()).toList();
    }

    /**
     * Extra names in a node's apid certificate ({@code machine.certSANs}): with an API load balancer,
     * talosctl reaches the control planes' apid through its addresses, so their certificates name them.
     */
    public List<String> machineCertSans(Node node) {
        return node.isControlPlane() ? apiLoadBalancer.map(ApiLoadBalancer::certificateNames).orElse(List.of()) : List.of();
    }

    /** Names and addresses the API server certificate must carry, in a stable order. */
    public List<String> certSans() {
        return certSans;
    }

    public List<Node> nodes() {
        return spec.nodes();
    }

    public List<Node> controlPlanes() {
        return spec.controlPlanes();
    }

    public List<Node> workers() {
        return spec.workers();
    }

    /** Where nodes live: the bridge (nested) or the VCN subnet (direct). */
    public Cidr nodeNetwork() {
        return nested() ? spec.proxmox().bridge().cidr() : spec.oci().vcn().subnet();
    }

    public Ip gateway() {
        return nested() ? spec.proxmox().bridge().gateway() : spec.oci().vcn().subnet().addressAt(1);
    }

    /**
     * The MTU of the nodes' link where the spec sets it: the bridge's (nested), which the hosts' VXLAN
     * port, every VM NIC and Cilium's own tunnel must agree on. In the direct topology OCI's DHCP sets it.
     */
    public Optional<Integer> linkMtu() {
        return nested() ? Optional.of(spec.proxmox().bridge().mtu()) : Optional.empty();
    }

    /** The Tailscale subnet router on the bridge (nested topology), if the spec has one. */
    public Optional<MeshGateway> meshGateway() {
        return meshGateway;
    }

    /** The nodes' Talos image: the Image Factory schematic, its installer and boot image. */
    public TalosImage talosImage() {
        return talosImage;
    }

    /**
     * The MAC address of a guest's NIC on the bridge (a node's name, or the mesh gateway's hostname):
     * what the VM definitions set and the node's LinkAliasConfig selects.
     */
    public String mac(String guest) {
        return guestMacs.of(guest);
    }

    /** Routes every node (and every Proxmox host) needs besides its default route. */
    public List<Route> extraRoutes() {
        return meshGateway.map(g -> List.of(g.returnRoute())).orElse(List.of());
    }

    /** Sources allowed to administer the cluster (talosctl, kubectl, the Proxmox UI); see {@link #admins(ClusterSpec)}. */
    public List<Cidr> admins() {
        return admins;
    }

    /** Whether the Tailscale operator runs (tailnet services and its proxies). */
    public boolean tailscale() {
        return spec.addons().tailscale().enabled();
    }

    /** Whether the cluster has a tailnet at all: the Tailscale operator, or a mesh gateway on the bridge. */
    public boolean tailnet() {
        return tailscale() || meshGateway.isPresent();
    }

    public List<PublicExposure> publicExposures() {
        return publicExposures;
    }

    public Optional<PublicExposure> publicExposure(ServiceSpec service) {
        return publicExposures.stream().filter(e -> e.service().equals(service)).findFirst();
    }

    public List<ServiceSpec> services(Exposure exposure) {
        return spec.services().stream().filter(s -> s.exposure() == exposure).toList();
    }

    public Optional<Host> host(String name) {
        return spec.proxmoxIfAny().flatMap(p -> p.host(name));
    }

    /** The raw URL under which Talos fetches a manifest-repo file. */
    public Optional<String> manifestUrl(String path) {
        return spec.manifestRepoIfAny().map(repo -> stripSlash(repo.rawUrl()) + "/" + repo.branch() + "/" + path);
    }

    public Optional<ManifestRepo> manifestRepo() {
        return spec.manifestRepoIfAny();
    }

    /** Where Talos may send the manifest repo's fetch token; empty when the repo has none. */
    public Optional<FetchTokenScope> fetchTokenScope() {
        return spec.manifestRepoIfAny().flatMap(FetchTokenScope::of);
    }

    /**
     * The spec's own manifest URLs ({@code manifests.extraManifests}), in the spec's order. Validation
     * has accepted each one; a spec built in code that holds no URL at all is refused here.
     */
    public List<ExtraManifestUrl> extraManifests() {
        List<ExtraManifestUrl> out = new ArrayList<>();
        for (String url : spec.manifests().extraManifests()) {
            try {
                out.add(ExtraManifestUrl.parse(url));
            } catch (ExtraManifestUrl.InvalidUrlException e) {
                throw new IllegalStateException("manifests.extraManifests holds an entry that " + e.getMessage()
                        + "; validation refuses it, so this spec was not validated");
            }
        }
        return out;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Gives each public service the next free address of its pool (services[].pool, else the first
     * pool), in spec order, skipping each pool's network and broadcast address: the same spec always
     * gives the same addresses. A service whose pool is unknown or full gets none (validation reports both).
     */
    private static List<PublicExposure> assignPublicExposures(ClusterSpec spec) {
        List<PublicExposure> out = new ArrayList<>();
        java.util.Map<String, Long> next = new java.util.HashMap<>();
        for (ServiceSpec service : spec.services()) {
            if (service.exposure() != Exposure.PUBLIC) {
                continue;
            }
            Ip reserved = spec.oci().reservedIp(service.reservedIp()).map(r -> r.address()).orElseThrow();
            Host ingress = spec.topology() == Topology.NESTED
                    ? spec.proxmoxIfAny().flatMap(p -> p.hosts().stream().filter(h -> service.reservedIp().equals(h.ingressFor())).findFirst()).orElse(null)
                    : null;
            Ip lbIp = null;
            String poolName = null;
            Optional<LoadBalancerPool> pool = spec.network().poolOf(service);
            if (spec.topology() == Topology.NESTED && pool.isPresent()) {
                long n = next.merge(pool.get().name(), 1L, Long::sum);
                if (n < pool.get().cidr().size() - 1) {
                    lbIp = pool.get().cidr().addressAt(n);
                    poolName = pool.get().name();
                }
            }
            out.add(new PublicExposure(service, service.reservedIp(), reserved, ingress, lbIp, poolName));
        }
        return List.copyOf(out);
    }

    /**
     * firewall.admins when the spec has it. Otherwise, nested: the tailnet when the Tailscale operator
     * or a mesh gateway runs, else the Proxmox hosts' bridge addresses (SSH through the bastion to a
     * host, and talosctl or kubectl from there). Direct: the bastion's private IP (it shares the subnet
     * with the nodes); the tailnet does not count there, since nothing routes it to the nodes. Direct
     * without a bastion has no default (validation asks for firewall.admins).
     */
    private static List<Cidr> admins(ClusterSpec spec) {
        if (spec.firewall().admins() != null) {
            return spec.firewall().admins();
        }
        // direct: the operator's proxies expose Services to the tailnet, nothing routes the tailnet to the nodes
        if (spec.topology() == Topology.NESTED && (spec.addons().tailscale().enabled()
                || spec.proxmoxIfAny().flatMap(Proxmox::meshGatewayIfAny).isPresent())) {
            return List.of(spec.network().tailnet());
        }
        if (spec.topology() == Topology.NESTED) {
            return spec.proxmoxIfAny().map(p -> p.hosts().stream().map(h -> h.bridgeIp().asHostCidr()).toList()).orElse(List.of());
        }
        return spec.bastionIfAny().map(b -> List.of(b.privateIp().asHostCidr())).orElse(List.of());
    }

    /**
     * Proxmox VMs boot the nocloud image (cloud-init gives them their address before any config) and
     * get the QEMU guest agent Proxmox talks to; OCI instances boot the oracle image.
     */
    private static TalosImage talosImage(ClusterSpec spec) {
        boolean nested = spec.topology() == Topology.NESTED;
        List<String> extensions = new ArrayList<>(spec.talos().extensions());
        if (nested && !extensions.contains(TalosImage.QEMU_GUEST_AGENT)) {
            extensions.add(TalosImage.QEMU_GUEST_AGENT);
        }
        return new TalosImage(nested ? "nocloud" : "oracle", spec.talos().architecture().id(), spec.versions().talos(), extensions);
    }

    private static List<String> guests(ClusterSpec spec, Optional<MeshGateway> meshGateway) {
        List<String> guests = new ArrayList<>(spec.nodes().stream().map(Node::name).toList());
        meshGateway.ifPresent(g -> guests.add(g.hostname()));
        return guests;
    }

    /** Topology direct: the spec's load balancer with its reserved IP resolved (validation makes sure it resolves). */
    private static Optional<ApiLoadBalancer> apiLoadBalancer(ClusterSpec spec) {
        if (spec.topology() != Topology.DIRECT) {
            return Optional.empty();
        }
        return spec.controlPlane().loadBalancerIfAny().map(lb -> new ApiLoadBalancer(lb.privateIp(),
                lb.reservedIpName().flatMap(n -> spec.oci().reservedIp(n)), spec.controlPlane().endpointHostIfAny(),
                spec.controlPlane().port()));
    }

    private static List<String> certSans(ClusterSpec spec) {
        Set<String> sans = new LinkedHashSet<>();
        Optional<ApiLoadBalancer> lb = apiLoadBalancer(spec);
        if (lb.isPresent()) {
            sans.addAll(lb.get().certificateNames());
        } else {
            spec.controlPlane().endpointHostIfAny().ifPresent(sans::add);
            sans.add(spec.controlPlane().vip().toString());
        }
        spec.controlPlanes().forEach(n -> sans.add(n.ip().toString()));
        sans.add("127.0.0.1");
        return List.copyOf(sans);
    }
}
