def log = new File(basedir, 'build.log').text
def publicKey = { String name -> new File(basedir, "keys/${name}.txt").readLines().find { it.startsWith('# public key: ') }.substring(14) }
def line = new File(basedir, 'cluster.yaml').readLines().findIndexOf { it.contains('tailscale-client-secret.demo.age') } + 1
def error = log.readLines().find { it.contains("cluster.yaml:${line}:21: error: secret \${file:secrets/tailscale-client-secret.demo.age} cannot be resolved:") }
assert error != null : 'no error at the field'
assert error.contains('none of the age identities tried can decrypt it (tried ' + publicKey('mine'))
assert error.contains("It should be encrypted for the spec's recipients (secrets.ageRecipients): " + publicKey('owner'))
assert log.contains('1 error in ')
assert !log.contains('DEMO-VALUE') && !(log =~ /AGE-SECRET-KEY-1[0-9A-Z]{10}/)
assert !log.contains('\tat ') && !log.contains('Caused by')  // no stack trace
