// an empty bare repository standing for the manifest repo's remote
def remote = new File(basedir, 'remote.git')
def git = ['git', 'init', '--bare', '-b', 'main', remote.path].execute()
assert git.waitFor() == 0 : git.err.text
