#!/usr/bin/env bash
# Time from `java -jar` to a 200 from /api/v1/health, and resident memory 10 s later, on a fresh data directory
# and again on the same one; then the same with the CDS archive that ./datamind prepares. Build first.
#   ./bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=server/target/datamind.jar
APP=server/target/app
PORT=${BENCH_PORT:-18190}

measure() { # label data-dir java-args...
  local label=$1 dir=$2; shift 2
  local start end pid
  start=$(date +%s%N)
  java "$@" --datamind.data-dir="$dir" --server.port=$PORT > "$dir.log" 2>&1 &
  pid=$!
  until curl -sf "localhost:$PORT/api/v1/health" > /dev/null; do
    kill -0 $pid 2>/dev/null || { echo "$label: server died, see $dir.log"; return 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  sleep 10
  printf '%-28s health_after_ms=%d rss_mb=%d\n' "$label" $(( (end - start) / 1000000 )) $(( $(ps -o rss= -p $pid) / 1024 ))
  kill $pid; wait $pid 2>/dev/null || true
}

[ -f "$JAR" ] || { echo "build first: ./mvnw -B -ntp package -DskipTests"; exit 2; }
echo "jar_mb=$(( $(stat -c %s "$JAR") / 1048576 ))"
dir=$(mktemp -d)
measure "java -jar, fresh data dir" "$dir" -jar "$JAR"
measure "java -jar, second start" "$dir" -jar "$JAR"
if [ -f "$APP/datamind.jsa" ]; then
  measure "./datamind (CDS), restart" "$dir" -XX:SharedArchiveFile="$APP/datamind.jsa" -jar "$APP/datamind.jar"
else
  echo "(run ./datamind once to prepare the CDS archive, then run this again for the CDS figure)"
fi
rm -rf "$dir" "$dir.log"
