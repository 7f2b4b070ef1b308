def log = new File(basedir, 'build.log').text
assert log.contains('cluster.yaml is valid: cluster oci-home, 6 nodes (3 control planes), 3 services, 1 warning(s)')
assert log.contains('warning: topology nested on OCI Ampere (A1)')
