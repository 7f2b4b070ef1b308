#!/usr/bin/env bash
# Whole-process timings on the bundled example, a new JVM each time: N rounds of Maven alone
# (mvn -o -q validate) and of the plugin's goals, one after the other in each round so that a
# machine getting slower or faster weighs on all alike; their medians, and what the plugin adds
# to Maven. Twice: with the example's .mvn/jvm.config (the quick JIT compiler only, the heap on
# transparent huge pages), and with the JVM's full JIT instead (MAVEN_OPTS comes after jvm.config on
# Maven's command line, so it overrides its TieredStopAtLevel).
# Needs the plugin installed (the README's first command does that). Usage: scripts/cold-benchmark.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../examples/oci-free-tier"
runs=${1:-5}

if ! mvn -B -o -q cluster:secrets >/dev/null 2>&1; then
  echo "the plugin is not installed: run the README's first command, then this again" >&2
  exit 1
fi

commands=("validate" "cluster:generate -Dcluster.force=true" "cluster:generate" "cluster:validate")
labels=("mvn -o -q validate (Maven alone)" "mvn -o -q cluster:generate -Dcluster.force=true"
        "mvn -o -q cluster:generate (unchanged)" "mvn -o -q cluster:validate")

milliseconds() {
  local start end
  start=$(date +%s%N)
  # shellcheck disable=SC2086 # a command is a goal and its options
  mvn -B -o -q $1 >/dev/null 2>&1 || { echo "mvn $1 failed; run it by hand to see why" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median_seconds() {
  tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] / 1000 }'
}

table() {
  local times=("" "" "" "") i round
  # one untimed round, so that the file system cache is warm for all
  for i in "${!commands[@]}"; do milliseconds "${commands[$i]}" >/dev/null; done
  for round in $(seq "$runs"); do
    for i in "${!commands[@]}"; do times[$i]+=" $(milliseconds "${commands[$i]}")"; done
  done
  local maven
  maven=$(median_seconds "${times[0]}")
  printf '%-46s %8s %16s\n' "$1" "seconds" "minus Maven alone"
  for i in "${!commands[@]}"; do
    local median
    median=$(median_seconds "${times[$i]}")
    printf '%-46s %8s %16s\n' "${labels[$i]}" "$median" "$(awk -v a="$median" -v b="$maven" 'BEGIN { printf "%+.2f", a - b }')"
  done
}

printf 'median of %d runs in examples/oci-free-tier, %s, %d cores\n' "$runs" "$(java -version 2>&1 | head -1)" "$(nproc)"
printf '.mvn/jvm.config: %s\n\n' "$(tr '\n' ' ' < .mvn/jvm.config)"
table "with .mvn/jvm.config"
echo
MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=4" table "with it, but the JVM's full JIT"
