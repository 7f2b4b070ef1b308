import java.nio.file.Files
def log = new File(basedir, 'build.log').text
assert log.contains('cluster.yaml is valid: cluster oci-direct, 5 nodes (3 control planes), 2 services')
assert !log.contains('warning:')
assert log.contains('assertion holds: web cannot reach api')
assert log.contains('every generated manifest and Talos document matches the schemas in')
assert log.contains("oci: Terraform for 5 instance(s), the API load balancer and the CCM's identity")

def golden = new GroovyShell().parse(new File(basedir, '../../it-src/GoldenFiles.groovy'))
golden.compare(basedir, new File(goldenDir), 'oci-direct')

def out = new File(basedir, 'target/cluster')
// OCI instances: no Proxmox hosts, no host firewalls
assert !new File(out, 'hosts').exists() && !new File(out, 'proxmox').exists()
assert new File(out, 'oci').list().sort() == ['api-nlb.tf.json', 'bastion-nsg.tf.json', 'ccm-iam.tf.json', 'instances.tf.json',
        'security-lists.oci-cli.json', 'security-lists.tf.json']

// Talos configs hold secrets: owner-only files, one per node
def talos = new File(out, 'talos')
assert talos.list().sort() == ['cp-1.yaml', 'cp-2.yaml', 'cp-3.yaml', 'talosconfig', 'w-1.yaml', 'w-2.yaml']
talos.listFiles().each { assert java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(it.toPath())) == 'rw-------' }
def cp = new File(talos, 'cp-1.yaml').text
// the platform configures eth0; the endpoint is the API load balancer's private IP, its public name is in the certificates
assert cp.contains('kind: HostnameConfig') && cp.contains('hostname: cp-1')
assert !cp.contains('kind: LinkConfig') && !cp.contains('kind: Layer2VIPConfig') && !cp.contains('ens18')
assert cp.contains('endpoint: https://10.1.0.10:6443') && cp.contains('- k8s.example.com')
assert cp.contains('externalCloudProvider:') && !cp.contains('providerID')
assert new File(talos, 'talosconfig').text.contains('- k8s.example.com')
// the control planes admit the load balancer's private IP on apid and the API server
assert cp =~ /(?s)name: apid\n.*?- subnet: "10\.1\.0\.10\/31"/
def w1 = new File(talos, 'w-1.yaml').text
assert w1.contains('name: nodeports') && w1.contains('name: lb-health')
