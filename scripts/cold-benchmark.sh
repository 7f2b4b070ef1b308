#!/usr/bin/env bash
# Whole-process timings on the bundled example, a new JVM each time: N runs each of Maven alone
# (mvn -o -q validate) and of the plugin's goals, their medians, and what the plugin adds to Maven.
# Twice: with the example's .mvn/jvm.config (the quick JIT compiler only), and with the JVM's
# default JIT (MAVEN_OPTS comes after jvm.config on Maven's command line, so it overrides it).
# Needs the plugin installed (the README's first command does that). Usage: scripts/cold-benchmark.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../examples/oci-free-tier"
runs=${1:-5}

if ! mvn -B -o -q cluster:secrets >/dev/null 2>&1; then
  echo "the plugin is not installed: run the README's first command, then this again" >&2
  exit 1
fi

median_seconds() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    mvn -B -o -q "$@" >/dev/null 2>&1 || { echo "mvn $* failed; run it by hand to see why" >&2; exit 1; }
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] / 1000 }'
}

table() {
  # one untimed run of each, so that the file system cache is warm for all
  mvn -B -o -q validate >/dev/null 2>&1
  mvn -B -o -q cluster:generate -Dcluster.force=true >/dev/null 2>&1

  local maven forced unchanged validate
  maven=$(median_seconds validate)
  forced=$(median_seconds cluster:generate -Dcluster.force=true)
  unchanged=$(median_seconds cluster:generate)
  validate=$(median_seconds cluster:validate)

  printf '%-46s %8s %16s\n' "$1" "seconds" "minus Maven alone"
  row() { printf '%-46s %8s %16s\n' "$1" "$2" "$(awk -v a="$2" -v b="$maven" 'BEGIN { printf "%+.2f", a - b }')"; }
  row "mvn -o -q validate (Maven alone)" "$maven"
  row "mvn -o -q cluster:generate -Dcluster.force=true" "$forced"
  row "mvn -o -q cluster:generate (unchanged)" "$unchanged"
  row "mvn -o -q cluster:validate" "$validate"
}

printf 'median of %d runs in examples/oci-free-tier, %s, %d cores\n' "$runs" "$(java -version 2>&1 | head -1)" "$(nproc)"
table "with .mvn/jvm.config ($(cat .mvn/jvm.config))"
echo
MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=4" table "with the JVM's default JIT"
