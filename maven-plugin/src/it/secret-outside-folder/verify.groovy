def log = new File(basedir, 'build.log').text
def line = new File(basedir, 'cluster.yaml').readLines().findIndexOf { it.contains('etc/passwd') } + 1
assert log.contains("cluster.yaml:${line}:17: error: secret \${file:../../../../../../../../../etc/passwd} cannot be resolved: '../../../../../../../../../etc/passwd': the path leaves the spec's folder")
assert log.contains('1 error in ') && log.contains('each is listed above as file:line:col')
assert !log.contains('root:')  // nothing of the file is read, let alone shown
assert !log.contains('\tat ') && !log.contains('Caused by')  // no stack trace
