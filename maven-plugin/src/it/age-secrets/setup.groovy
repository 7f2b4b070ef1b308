// Two keys made by the real age-keygen: 'team' is the spec's recipient, 'ops' gets the bundle
// (-Dcluster.ageRecipients, written to a properties file the first invocation reads). The age CLI
// must be installed (Debian package age; .ci/run installs it): without it this case fails.
def run(List<String> command, File input = null) {
    def builder = new ProcessBuilder(command*.toString()).directory(basedir)
    if (input != null) builder.redirectInput(input)
    def process = builder.start()
    def out = process.inputStream.bytes
    def err = process.errorStream.text
    assert process.waitFor() == 0 : "${command} failed: ${err}"
    return out
}
def keys = new File(basedir, 'keys')
keys.mkdirs()
def recipient = { String name ->
    run(['age-keygen', '-o', "keys/${name}.txt"])
    new String(run(['age-keygen', '-y', "keys/${name}.txt"])).trim()
}
def team = recipient('team')
def ops = recipient('ops')
new File(keys, 'both.txt').text = new File(keys, 'team.txt').text + new File(keys, 'ops.txt').text
new File(basedir, 'bundle-recipient.properties').text = "cluster.ageRecipients=${ops}\n"

// the Tailscale client id encrypted by the age CLI, as a teammate without the plugin would
def spec = new File(basedir, 'cluster.yaml')
def secrets = new File(basedir, 'secrets')
new File(secrets, 'tailscale-client-id.demo.age').bytes =
        run(['age', '-r', team, '-o', '-', 'secrets/tailscale-client-id.demo'])
new File(secrets, 'tailscale-client-id.demo').delete()
spec.text = spec.text.replace('${file:secrets/tailscale-client-id.demo}', '${file:secrets/tailscale-client-id.demo.age}') +
        "secrets:\n  ageRecipients: [${team}]\n"
return true
