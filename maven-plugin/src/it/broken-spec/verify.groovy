def log = new File(basedir, 'build.log').text
assert log.contains('cluster.yaml:58:3: error: unknown field \'vips\' in /controlPlane; did you mean \'vip\'?')
assert log.contains('1 error in ') && log.contains('each is listed above as file:line:col')
assert !log.contains('\tat ') && !log.contains('Caused by')  // no stack trace
