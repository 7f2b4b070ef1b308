// Shared by the example cases' verify scripts: the Maven run's non-secret outputs must equal the
// example's golden folder in generator-core (goldenDir/<example>) byte for byte. That folder is the
// one the core test ExampleOutputsGoldenTest compares the Generator's output with; only that test
// rewrites it, never an integration test.
def compare(File basedir, File goldenDir, String example) {
    def out = new File(basedir, 'target/cluster')
    def golden = new File(goldenDir, example).canonicalFile
    assert golden.isDirectory() : "no golden folder $golden"
    // the run's own index says which outputs are secret (the Talos configs): those have no golden copy
    def index = new groovy.json.JsonSlurper().parse(new File(out, '.clusterspec/index.json'))
    def secret = index.files.findAll { it.secret }.collect { it.path } as Set
    def actualFiles = relativeFiles(out).findAll { !it.startsWith('.clusterspec/') && !secret.contains(it) } as SortedSet
    def expectedFiles = relativeFiles(golden)
    def problems = []
    (expectedFiles - actualFiles).each { problems << "not written by the run: $it" }
    (actualFiles - expectedFiles).each { problems << "not in the golden folder: $it" }
    actualFiles.intersect(expectedFiles).each { path ->
        if (new File(out, path).bytes != new File(golden, path).bytes) problems << "differs: $path"
    }
    assert problems.isEmpty() : "the outputs in $out differ from the golden files in $golden:\n  " + problems.join('\n  ') +
            "\nIf the change is intended, review it, then rewrite the golden files with the core tests:" +
            " mvn -pl generator-core test -Dtest=ExampleOutputsGoldenTest -Dclusterspec.updateGolden=true"
}

def relativeFiles(File root) {
    def files = [] as SortedSet
    root.eachFileRecurse(groovy.io.FileType.FILES) { files << root.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
    return files
}
return this
