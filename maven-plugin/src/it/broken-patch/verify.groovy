def log = new File(basedir, 'build.log').text
assert log.contains('cluster.yaml is valid: cluster minimal')
assert log.contains('patches/kubelet.yaml:5:7: error: talos patch cannot apply to node cp-1: document 1: machine.kubelet.nodeIP:'
        + ' the config has a mapping here, the patch a list; Talos cannot merge them (fix the patch\'s indentation or type)')
assert log.contains('1 error in ') && log.contains('each is listed above as file:line:col')
assert !log.contains('\tat ') && !log.contains('Caused by')  // no stack trace
assert !new File(basedir, 'target/cluster/talos').exists()  // nothing written
