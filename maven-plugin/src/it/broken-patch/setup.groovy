// a fixed bundle, so that generate gets as far as the Talos configs without creating keys
def bundle = new File(basedir, 'secrets/talos-secrets.yaml')
bundle.parentFile.mkdirs()
bundle.bytes = new File(referenceDir, 'talos/stability/secrets.yaml').bytes
return true
