// Shared by the example cases' verify scripts: the non-secret outputs must equal expected/ byte for byte.
// To accept a reviewed change: cp -r target/it/<case>/target/cluster/<dir> src/it/<case>/expected/
def compare(File basedir, List<String> dirs) {
    def out = new File(basedir, 'target/cluster')
    def expected = new File(basedir, 'expected')
    def problems = []
    dirs.each { dir ->
        def actualFiles = [] as SortedSet
        def expectedFiles = [] as SortedSet
        new File(out, dir).eachFileRecurse(groovy.io.FileType.FILES) { actualFiles << out.toPath().relativize(it.toPath()).toString() }
        new File(expected, dir).eachFileRecurse(groovy.io.FileType.FILES) { expectedFiles << expected.toPath().relativize(it.toPath()).toString() }
        (expectedFiles - actualFiles).each { problems << "missing: $it" }
        (actualFiles - expectedFiles).each { problems << "unexpected: $it" }
        (actualFiles.intersect(expectedFiles)).each { path ->
            if (new File(out, path).bytes != new File(expected, path).bytes) problems << "differs: $path"
        }
    }
    assert problems.isEmpty() : "outputs differ from the golden files:\n  " + problems.join('\n  ')
}
return this
