def log = new File(basedir, 'build.log').text
def decrypt = { String key, String file ->
    def process = new ProcessBuilder(['age', '-d', '-i', key, file]).directory(basedir).start()
    def out = process.inputStream.text
    def err = process.errorStream.text
    [code: process.waitFor(), out: out, err: err]
}
def ops = new File(basedir, 'keys/ops.txt').readLines().find { it.startsWith('# public key: ') }.substring(14)

// the bundle exists encrypted only, for the recipient given on the command line, and the CLI reads it
assert !new File(basedir, 'secrets/talos-secrets.yaml').exists()
assert log.contains("Created Talos secrets bundle ${new File(basedir, 'secrets/talos-secrets.yaml.age')}, encrypted with age for ${ops}")
def bundle = decrypt('keys/ops.txt', 'secrets/talos-secrets.yaml.age')
assert bundle.code == 0 : bundle.err
assert bundle.out.contains('bootstraptoken: ') && bundle.out.contains('k8sserviceaccount:')
assert decrypt('keys/team.txt', 'secrets/talos-secrets.yaml.age').code != 0  // not for the spec's recipient

// cluster:encrypt wrote what the CLI decrypts, and said what to do next
def token = decrypt('keys/team.txt', 'secrets/grafana-token.demo.age')
assert token.code == 0 : token.err
assert token.out == new File(basedir, 'secrets/grafana-token.demo').text
assert log.contains('Delete the plain file now (rm ')
def line = new File(basedir, 'cluster.yaml').readLines().findIndexOf { it.contains('${file:secrets/grafana-token.demo}') } + 1
assert log.contains("cluster.yaml:${line}:14: change \${file:secrets/grafana-token.demo} to \${file:secrets/grafana-token.demo.age}")

// validate and generate decrypted the CLI-encrypted secret and the bundle in memory
assert log.contains('cluster.yaml is valid: cluster oci-home')
assert log.contains('Generated 54 files into')
assert log.contains('cluster:generate skipped: spec, secrets, templates and plugin are unchanged')
def cp = new File(basedir, 'target/cluster/talos/cp-1.yaml').text
assert cp.contains('client_id: DEMO-VALUE-not-a-real-secret-tailscale-client-id')
assert cp.contains(bundle.out.find(/bootstraptoken: (\S+)/) { it[1] })

// nothing decrypted reached the log, and no plain bundle was written anywhere in the project
assert !log.contains('DEMO-VALUE')
assert !log.contains(bundle.out.find(/bootstraptoken: (\S+)/) { it[1] })
def plainBundles = []
basedir.eachFileRecurse(groovy.io.FileType.FILES) { if (it.name.startsWith('talos-secrets.yaml') && !it.name.endsWith('.age')) plainBundles << it }
assert plainBundles.isEmpty()
