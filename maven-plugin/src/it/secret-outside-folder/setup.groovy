// the Tailscale client id pointed at a file outside the project, as a hostile branch could
def spec = new File(basedir, 'cluster.yaml')
spec.text = spec.text.replace('${file:secrets/tailscale-client-id.demo}', '${file:../../../../../../../../../etc/passwd}')
return true
