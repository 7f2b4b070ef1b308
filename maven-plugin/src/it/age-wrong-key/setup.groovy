// the Tailscale client secret encrypted by the real age CLI for 'owner', while the build has 'mine'
def run(List<String> command) {
    def process = new ProcessBuilder(command*.toString()).directory(basedir).start()
    def out = process.inputStream.bytes
    def err = process.errorStream.text
    assert process.waitFor() == 0 : "${command} failed: ${err}"
    return out
}
new File(basedir, 'keys').mkdirs()
['owner', 'mine'].each { run(['age-keygen', '-o', "keys/${it}.txt"]) }
def owner = new String(run(['age-keygen', '-y', 'keys/owner.txt'])).trim()
new File(basedir, 'secrets/tailscale-client-secret.demo.age').bytes =
        run(['age', '-r', owner, '-o', '-', 'secrets/tailscale-client-secret.demo'])
new File(basedir, 'secrets/tailscale-client-secret.demo').delete()
def spec = new File(basedir, 'cluster.yaml')
spec.text = spec.text.replace('${file:secrets/tailscale-client-secret.demo}', '${file:secrets/tailscale-client-secret.demo.age}') +
        "secrets:\n  ageRecipients: [${owner}]\n"
return true
