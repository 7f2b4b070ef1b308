import java.nio.file.Files
def log = new File(basedir, 'build.log').text
assert log.contains('cluster.yaml is valid: cluster oci-home, 6 nodes (3 control planes), 3 services, 1 warning(s)')
assert log.contains('warning: topology nested on OCI Ampere (A1)')
assert log.contains('already exists and is valid; left unchanged')
assert log.contains('Generated 54 files into')
assert log.contains('assertion holds: web cannot reach db')
assert log.contains('cluster:generate skipped: spec, secrets, templates and plugin are unchanged')

def golden = new GroovyShell().parse(new File(basedir, '../../it-src/GoldenFiles.groovy'))
golden.compare(basedir, new File(goldenDir), 'oci-free-tier')

// Talos configs hold secrets: owner-only files, one per node, never in the manifest repo
def talos = new File(basedir, 'target/cluster/talos')
assert talos.list().sort() == ['cp-1.yaml', 'cp-2.yaml', 'cp-3.yaml', 'talosconfig', 'w-1.yaml', 'w-2.yaml', 'w-3.yaml']
talos.listFiles().each { assert java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(it.toPath())) == 'rw-------' }
def cp = new File(talos, 'cp-1.yaml').text
assert cp.contains('name: none') && cp.contains('kind: Layer2VIPConfig') && cp.contains('kind: NetworkRuleConfig')
assert cp.contains('https://raw.githubusercontent.com/you/k8s-manifests-private/main/20-namespaces/')
// the example's own manifests: its files from the repo, its pinned URL as written
assert cp.contains('https://raw.githubusercontent.com/you/k8s-manifests-private/main/90-user-web-to-api/')
assert cp.contains('https://raw.githubusercontent.com/prometheus-operator/prometheus-operator/f8fafd475f3d132e239432ae6172de60a6cb6516/')
assert log.contains('assertion holds: web reaches api')
assert !new File(talos, 'w-1.yaml').text.contains('kind: Layer2VIPConfig')

// the example's patches: etcd timings on control planes (JSON patch), kubelet and sysctls on workers
// (a file), the database label on w-3 only (inline), the registry mirror everywhere
assert cp.contains('heartbeat-interval: "250"') && cp.contains('kind: RegistryMirrorConfig')
def w3 = new File(talos, 'w-3.yaml').text
assert w3.contains('max-pods: "200"') && w3.contains('workload: database') && w3.contains('kind: RegistryMirrorConfig')
assert !new File(talos, 'w-2.yaml').text.contains('workload: database')
