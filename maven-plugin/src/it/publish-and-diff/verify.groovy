def log = new File(basedir, 'build.log').text
assert log =~ /published [0-9a-f]{40}: added 12, changed 0, removed 0/
assert log.contains('manifest repo unchanged: nothing to commit')
assert log.contains('0 added, 0 changed, 0 removed')
assert !log.contains('DEMO-VALUE')  // no secret reaches the log
def remote = new File(basedir, 'remote.git')
def count = ['git', '--git-dir', remote.path, 'rev-list', '--count', 'main'].execute()
assert count.text.trim() == '1'
def files = ['git', '--git-dir', remote.path, 'ls-tree', '-r', '--name-only', 'main'].execute().text
assert files.contains('index.yaml') && files.contains('60-services/') && files.contains('90-user-web-settings/')
assert !files.contains('talos')
