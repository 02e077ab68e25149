#!/usr/bin/env bash
# Time from `java -jar` to a 200 from /api/v1/health (and the CPU time the JVM used by then, steadier than the wall
# time on a shared machine), and resident memory 10 s and 30 s later, on a fresh data
# directory and again on the same one; then the same through ./datamind (its CDS archive). Build
# first, and run ./datamind once so that its CDS archive exists.
#   ./bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=server/target/datamind.jar
APP=server/target/app
PORT=${BENCH_PORT:-18190}

measure() { # label data-dir command...
  local label=$1 dir=$2; shift 2
  local start end pid rss10 cpu
  start=$(date +%s%N)
  "$@" --datamind.data-dir="$dir" --server.port=$PORT > "$dir.log" 2>&1 &
  pid=$!
  until curl -sf "localhost:$PORT/api/v1/health" > /dev/null; do
    kill -0 $pid 2>/dev/null || { echo "$label: server died, see $dir.log"; return 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' /proc/$pid/stat)
  sleep 10
  rss10=$(( $(ps -o rss= -p $pid) / 1024 ))
  sleep 20
  printf '%-28s health_after_ms=%d cpu_ms=%d rss_mb_10s=%d rss_mb_30s=%d\n' "$label" $(( (end - start) / 1000000 )) \
    "$cpu" "$rss10" $(( $(ps -o rss= -p $pid) / 1024 ))
  kill $pid; wait $pid 2>/dev/null || true
}

[ -f "$JAR" ] || { echo "build first: ./mvnw -B -ntp package -DskipTests"; exit 2; }
echo "jar_mb=$(( $(stat -c %s "$JAR") / 1048576 ))"
dir=$(mktemp -d)
measure "java -jar, fresh data dir" "$dir" java -jar "$JAR"
measure "java -jar, second start" "$dir" java -jar "$JAR"
rm -rf "$dir" "$dir.log"
if [ -f "$APP/datamind.jsa" ] && [ ! "$JAR" -nt "$APP/datamind.jsa" ]; then
  dir=$(mktemp -d)
  measure "./datamind, fresh data dir" "$dir" ./datamind
  measure "./datamind, second start" "$dir" ./datamind
  rm -rf "$dir" "$dir.log"
else
  echo "(run ./datamind once to prepare its CDS archive, then run this again for the ./datamind figures)"
fi
