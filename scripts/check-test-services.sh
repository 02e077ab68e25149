#!/usr/bin/env bash
# The test suite talks to real PostgreSQL, MariaDB and Redis and reads ../shared; stop at once, with the fix, when one is missing.
set -u
failed=0
check() {
  local name=$1 host=$2 port=$3 fix=$4
  if ! timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null; then
    echo "ERROR: $name is not reachable at $host:$port. Start it with: $fix" >&2
    failed=1
  fi
}
check PostgreSQL "${DATAMIND_TEST_PG_HOST:-127.0.0.1}" "${DATAMIND_TEST_PG_PORT:-5432}" \
  'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'
check MariaDB "${DATAMIND_TEST_MARIADB_HOST:-127.0.0.1}" "${DATAMIND_TEST_MARIADB_PORT:-3306}" \
  'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd'
check Redis "${DATAMIND_TEST_REDIS_HOST:-127.0.0.1}" "${DATAMIND_TEST_REDIS_PORT:-6379}" \
  'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no'
if [ ! -x /usr/bin/chromium ]; then
  echo "ERROR: Chromium is missing for the browser tests. Install it with: apt-get install -y chromium" >&2
  failed=1
fi
# Test corpora (Spider, Chinook, Northwind, the SQL-guard and attack cases) live beside the checkout, not in it.
shared="$(cd "$(dirname "$0")/../.." && pwd)/shared"
if [ ! -f "$shared/README.md" ]; then
  echo "ERROR: the shared test data is missing at $shared: the tests read it as ../shared beside the checkout." >&2
  failed=1
fi
exit $failed
