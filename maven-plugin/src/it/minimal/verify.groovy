def log = new File(basedir, 'build.log').text
assert log.contains('cluster.yaml is valid: cluster minimal, 1 nodes (1 control planes), 0 services')
