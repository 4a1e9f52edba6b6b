#!/usr/bin/env bash
# Runs every Ricord test on a fresh Debian 12 machine (as root, .NET 10 SDK on PATH):
# installs the Debian packages the tests use, starts a throwaway PostgreSQL on loopback,
# builds once, runs each test project with a TRX logger, and ends with one line
# "N passed, N failed[, N skipped]" summed over every project from the TRX files.
#   ./test.sh [--filter EXPR] [--no-build]      RICORD_SKIP_APT=1 skips the apt step
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root="$(pwd)"

filter=""
build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --filter) filter="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

# --- Debian packages -------------------------------------------------------------------
packages=(dcmtk dicom3tools dcm2niix libgdcm-tools python3-pydicom python3-numpy postgresql
          fonts-dejavu-core libcharls2 libopenjp2-7 libturbojpeg0 libjpeg-turbo-progs nodejs npm)
if [[ "${RICORD_SKIP_APT:-0}" != 1 ]]; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # node/npm may come from elsewhere than Debian (the machine image ships Node 20): only install when absent.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
  fi
  read -r -a missing <<< "${missing[*]}"
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "== apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

# --- throwaway PostgreSQL 15 on loopback -------------------------------------------------
pgbin=/usr/lib/postgresql/15/bin
pgdir=""
cleanup() {
  if [[ -n "$pgdir" && -f "$pgdir/data/postmaster.pid" ]]; then
    kill -INT "$(head -1 "$pgdir/data/postmaster.pid")" 2>/dev/null || true
    for _ in $(seq 50); do [[ -f "$pgdir/data/postmaster.pid" ]] || break; sleep 0.2; done
  fi
  [[ -n "$pgdir" ]] && rm -rf "$pgdir"
}
trap cleanup EXIT
if [[ -x "$pgbin/postgres" ]]; then
  pgdir="$(mktemp -d /tmp/ricord-pg.XXXXXX)"
  mkdir -p "$pgdir/data" "$pgdir/sock"
  chown -R postgres:postgres "$pgdir"
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
  runuser -u postgres -- "$pgbin/postgres" -D "$pgdir/data" -k "$pgdir/sock" \
    -c listen_addresses=127.0.0.1 -c port="$port" -c max_connections=200 >"$pgdir/log" 2>&1 &
  for _ in $(seq 100); do
    runuser -u postgres -- "$pgbin/pg_isready" -h 127.0.0.1 -p "$port" -q && break
    sleep 0.2
  done
  runuser -u postgres -- "$pgbin/pg_isready" -h 127.0.0.1 -p "$port" -q || { echo "PostgreSQL did not start:"; cat "$pgdir/log"; exit 1; }
  export RICORD_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "== PostgreSQL 15 on 127.0.0.1:$port (data in $pgdir, removed on exit)"
else
  echo "== PostgreSQL not installed: PostgreSQL tests will fail" >&2
fi

# --- npm packages used by tests (local S3-compatible server etc.) --------------------------
while IFS= read -r lock; do
  dir="$(dirname "$lock")"
  [[ -d "$dir/node_modules" ]] || { echo "== npm ci in ${dir#$root/}"; (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); }
done < <(find "$root/tests" -name package-lock.json -not -path "*/node_modules/*")

# --- build and test ----------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [[ $build == 1 ]]; then
  echo "== dotnet build (Release)"
  dotnet build Ricord.slnx -c Release -nologo -v quiet "-clp:ErrorsOnly;NoSummary"
fi

results="$root/.test-results"
rm -rf "$results"; mkdir -p "$results"
status=0
for proj in tests/*/*.csproj; do
  name="$(basename "$proj" .csproj)"
  echo "== $name"
  args=(test "$proj" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results"
        --blame-hang-timeout 10m -- RunConfiguration.TestSessionTimeout=3000000)
  [[ -n "$filter" ]] && args=(test "$proj" -c Release --no-build --nologo --filter "$filter" --logger "trx;LogFileName=$name.trx" --results-directory "$results" --blame-hang-timeout 10m)
  if ! dotnet "${args[@]}" > "$results/$name.log" 2>&1; then
    status=1
    grep -aE "^\s+Failed |error" "$results/$name.log" | head -40 || true
  fi
  [[ -f "$results/$name.trx" ]] || { echo "   no TRX for $name (did it build?)"; tail -20 "$results/$name.log"; status=1; }
done

/usr/bin/python3 - "$results" <<'PY'
import sys, glob, os
import xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for trx in sorted(glob.glob(os.path.join(sys.argv[1], "*.trx"))):
    p = f = s = 0
    for r in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns):
        outcome = r.get("outcome", "")
        if outcome == "Passed": p += 1
        elif outcome == "NotExecuted": s += 1
        else: f += 1
    print(f"   {os.path.basename(trx)[:-4]}: {p} passed, {f} failed" + (f", {s} skipped" if s else ""))
    passed += p; failed += f; skipped += s
with open(os.path.join(sys.argv[1], "summary.txt"), "w") as out:
    out.write(f"{passed} {failed} {skipped}\n")
PY
read -r passed failed skipped < "$results/summary.txt"
[[ "$failed" != 0 || "$passed" == 0 ]] && status=1
line="$passed passed, $failed failed"
[[ "$skipped" != 0 ]] && line="$line, $skipped skipped"
echo "$line"
exit $status
