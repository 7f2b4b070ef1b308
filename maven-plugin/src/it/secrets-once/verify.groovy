import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions
def log = new File(basedir, 'build.log').text
assert log.contains('Created Talos secrets bundle')
assert log.contains('already exists and is valid; left unchanged')
def bundle = new File(basedir, 'secrets/talos-secrets.yaml').toPath()
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(bundle)) == 'rw-------'
def text = Files.readString(bundle)
assert text.contains('bootstraptoken:') && text.contains('k8sserviceaccount:')
assert !log.contains(text.find(/bootstraptoken: (\S+)/) { it[1] })  // the token never reaches the log
