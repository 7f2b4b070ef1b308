def log = new File(basedir, 'build.log').text
assert log.contains('cluster.yaml is valid: cluster minimal, 1 nodes (1 control planes), 0 services')
assert log.contains('Generated ')
def golden = new GroovyShell().parse(new File(basedir, '../../it-src/GoldenFiles.groovy'))
golden.compare(basedir, new File(goldenDir), 'minimal')
def cp = new File(basedir, 'target/cluster/talos/cp-1.yaml').text
assert cp.contains('allowSchedulingOnControlPlanes: true')
