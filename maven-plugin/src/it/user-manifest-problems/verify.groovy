def log = new File(basedir, 'build.log').text
def line = new File(basedir, 'cluster.yaml').readLines().findIndexOf { it.contains('https://github.com/o/r/') } + 1
assert log.contains("cluster.yaml:${line}:7: error: extra manifest URL on https://github.com: Talos sends the manifest repo's fetch token")
assert log.contains('manifests/leak.yaml:6:1: error: Kubernetes Secret object (kind: Secret): the manifest repo is pushed to Git')
assert log.contains('2 errors in ') && log.contains('each is listed above as file:line:col')
assert !log.contains('DEMO-VALUE')  // neither the secret nor the fetch token is repeated
assert !log.contains('\tat ') && !log.contains('Caused by')  // no stack trace
