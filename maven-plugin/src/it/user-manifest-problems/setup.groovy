// a Secret among the user's manifests: the manifest repo is pushed to Git, so it must never get there
new File(basedir, 'manifests/leak.yaml').text = '''apiVersion: v1
kind: ConfigMap
metadata: {name: harmless, namespace: web}
---
apiVersion: v1
kind: Secret
metadata: {name: leak, namespace: web}
stringData:
  password: DEMO-VALUE-not-a-real-secret-in-a-manifest
'''
// a release asset on github.com: Talos would send the private repo's fetch token there
def spec = new File(basedir, 'cluster.yaml')
spec.text = spec.text.replace('  extraManifests:\n', '  extraManifests:\n    - https://github.com/o/r/releases/download/v1.0.0/x.yaml?checksum=sha256:'
        + 'a99047972c9dd7679ce2050b9968e8a08773492e671b3e17abd476d42aa78a32\n')
return true
