#!/usr/bin/env bash
# Runs one benchmark by name, prints its figures and ends with one line of key=value pairs.
# Full per-item results are written to bench/results/<name>.json.
#
#   ./bench/run.sh offline-spider
#
# To add a benchmark, add a line to BENCHMARKS: its name and the main class (test classpath) that runs it.
# The main class receives the results file as its only argument and reads ../shared through the
# datamind.shared-dir system property.
set -euo pipefail

declare -A BENCHMARKS=(
  [offline-spider]=io.datamind.offline.bench.OfflineSpiderBench
  [offline-heldout]=io.datamind.offline.bench.OfflineHeldoutBench
  [ask-overhead]=io.datamind.ask.bench.AskOverheadBench
  [ask-service-overhead]=io.datamind.ask.bench.AskServiceOverheadBench
  [schema-discovery]=io.datamind.schema.SchemaDiscoveryBench
  [schema-linking]=io.datamind.linking.SchemaLinkingBench
  [ws-conversations]=io.datamind.chatstream.bench.WsConversationsBench
  [query-runner]=io.datamind.query.QueryRunnerBench
)

root="$(cd "$(dirname "$0")/.." && pwd)"
name="${1:-}"
if [[ -z "$name" || -z "${BENCHMARKS[$name]:-}" ]]; then
  echo "usage: $0 <benchmark>" >&2
  echo "benchmarks: ${!BENCHMARKS[*]}" >&2
  exit 2
fi

cd "$root"
mkdir -p bench/results
./mvnw -B -ntp -q -pl server test-compile exec:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass="${BENCHMARKS[$name]}" \
  -Dexec.args="$root/bench/results/$name.json" \
  -Ddatamind.shared-dir="$(cd "$root/../shared" && pwd)"
