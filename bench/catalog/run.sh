#!/usr/bin/env bash
# Catalog search benchmark, one command: builds bench/Ricord.CatalogBench, starts a throwaway PostgreSQL 15
# on loopback (as PEERS.md says: the postgres user, a temp dir, a free port; default settings, fsync on),
# loads N synthetic instances into SQLite and PostgreSQL, times study searches (p50/p99), prints the query
# plans of both searches on both providers (RICORD_BENCH_EXPLAIN), and stops the server.
#
# Usage (as root):  bench/catalog/run.sh [INSTANCES=1000000] [PROVIDERS=sqlite,postgres]
# Environment: OUT=FILE also appends the output there.
set -euo pipefail
cd "$(dirname "$0")/../.."
instances=${1:-1000000} providers=${2:-sqlite,postgres}
[ "$(id -u)" = 0 ] || { echo "catalog/run.sh: run as root (PostgreSQL runs as the postgres user)" >&2; exit 1; }
pgbin=/usr/lib/postgresql/15/bin
if [[ "$providers" == *postgres* ]] && { [ ! -x "$pgbin/postgres" ] || ! id postgres >/dev/null 2>&1; }; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
fi

echo "building Ricord.CatalogBench (Release)…" >&2
dotnet build bench/Ricord.CatalogBench -c Release -v q -nologo "-clp:ErrorsOnly;NoSummary" >&2

pgdir="" sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  if [[ -n "$pgdir" && -f "$pgdir/data/postmaster.pid" ]]; then
    kill -INT "$(head -1 "$pgdir/data/postmaster.pid")" 2>/dev/null || true
    for _ in $(seq 100); do [[ -f "$pgdir/data/postmaster.pid" ]] || break; sleep 0.2; done
  fi
  [ -n "$pgdir" ] && rm -rf "$pgdir"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ "$providers" == *postgres* ]]; then
  pgdir=$(mktemp -d /tmp/ricord-bench-pg.XXXXXX)
  mkdir -p "$pgdir/data" "$pgdir/sock"
  chown -R postgres:postgres "$pgdir"
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres -E UTF8 --locale=C >"$pgdir/initdb.log" 2>&1
  runuser -u postgres -- "$pgbin/postgres" -D "$pgdir/data" -k "$pgdir/sock" \
    -c listen_addresses=127.0.0.1 -c port="$port" >"$pgdir/log" 2>&1 &
  for _ in $(seq 150); do
    runuser -u postgres -- "$pgbin/pg_isready" -h 127.0.0.1 -p "$port" -q && break
    sleep 0.2
  done
  runuser -u postgres -- "$pgbin/pg_isready" -h 127.0.0.1 -p "$port" -q || { tail -20 "$pgdir/log" >&2; exit 1; }
  export RICORD_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway, $pgdir)" >&2
fi

loads=$(mktemp)
(while :; do cut -d' ' -f1 /proc/loadavg >>"$loads"; sleep 2; done) &
sampler=$!
export RICORD_BENCH_EXPLAIN=1
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) vCPU, $(git rev-parse --short HEAD), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  bench/Ricord.CatalogBench/bin/Release/net10.0/Ricord.CatalogBench "$instances" "$providers"
  echo "# load average (1 min) during the run: $(sort -n "$loads" | awk '{a[NR]=$1} END {printf "min %s, median %s, max %s", a[1], a[int((NR+1)/2)], a[NR]}')"
} | tee -a "${OUT:-/dev/null}"
rm -f "$loads"
