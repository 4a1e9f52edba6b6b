#!/usr/bin/env bash
# Runs every Ricord test on a fresh Debian 12 machine (as root, .NET 10 SDK on PATH):
# installs the Debian packages the tests use, starts a throwaway PostgreSQL and Ceph RADOS Gateway on loopback,
# builds once, runs each test project (tests/*/*.csproj) with a TRX logger, and ends with
# one line "N passed, N failed[, N skipped]" summed over every project from the TRX files.
#   ./test.sh [--filter EXPR] [--no-build]      RICORD_SKIP_APT=1 skips the apt step
# Exit status: non-zero if a test failed, a project did not build or run, or no test ran.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root="$(pwd)"

filter=""
build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --filter) [[ $# -ge 2 ]] || { echo "test.sh: --filter needs an expression" >&2; exit 2; }
              filter="$2"; shift 2 ;;
    --filter=*) filter="${1#--filter=}"; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "test.sh: unknown argument $1 (use --filter EXPR, --no-build)" >&2; exit 2 ;;
  esac
done

status=0
problems=()
fail() { status=1; problems+=("$1"); }

# --- Debian packages -------------------------------------------------------------------
packages=(dcmtk dicom3tools dcm2niix libgdcm-tools python3-pydicom python3-numpy postgresql
          fonts-dejavu-core libcharls2 libopenjp2-7 libturbojpeg0 libjpeg-turbo-progs
          ceph-mon ceph-osd ceph-mgr radosgw ceph-common curl)
# The machine image ships Node 20 outside Debian: install Debian's only when node/npm are absent.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
if [[ "${RICORD_SKIP_APT:-0}" != 1 ]]; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
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
cephdir=""
stop_ceph() { if [[ -n "$cephdir" ]]; then "$root/tools/ceph-rgw.sh" down "$cephdir" >/dev/null 2>&1 || true; fi; }
cleanup() {
  stop_ceph
  if [[ -n "$pgdir" && -f "$pgdir/data/postmaster.pid" ]]; then
    kill -INT "$(head -1 "$pgdir/data/postmaster.pid")" 2>/dev/null || true
    for _ in $(seq 50); do [[ -f "$pgdir/data/postmaster.pid" ]] || break; sleep 0.2; done
  fi
  if [[ -n "$pgdir" ]]; then rm -rf "$pgdir"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # so that the EXIT trap stops the server on Ctrl-C too
if [[ -x "$pgbin/postgres" ]] && id postgres >/dev/null 2>&1; then
  pgdir="$(mktemp -d /tmp/ricord-pg.XXXXXX)"
  mkdir -p "$pgdir/data" "$pgdir/sock"
  chown -R postgres:postgres "$pgdir"
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  if runuser -u postgres -- "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres -E UTF8 --locale=C >"$pgdir/initdb.log" 2>&1; then
    runuser -u postgres -- "$pgbin/postgres" -D "$pgdir/data" -k "$pgdir/sock" \
      -c listen_addresses=127.0.0.1 -c port="$port" -c max_connections=200 -c fsync=off >"$pgdir/log" 2>&1 &
    for _ in $(seq 100); do
      runuser -u postgres -- "$pgbin/pg_isready" -h 127.0.0.1 -p "$port" -q && break
      sleep 0.2
    done
  fi
  if runuser -u postgres -- "$pgbin/pg_isready" -h 127.0.0.1 -p "$port" -q; then
    export RICORD_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    echo "== PostgreSQL 15 started on 127.0.0.1:$port (data in $pgdir, removed on exit)"
  else
    echo "== PostgreSQL did not start:" >&2
    cat "$pgdir/initdb.log" "$pgdir/log" 2>/dev/null | tail -20 >&2 || true
    fail "PostgreSQL did not start"
  fi
else
  echo "== PostgreSQL 15 not installed: tests that need it will fail" >&2
  fail "PostgreSQL not installed"
fi

# --- throwaway Ceph RADOS Gateway (S3 API) on loopback ----------------------------------------
# tools/ceph-rgw.sh installs Debian's ceph packages if missing and starts one monitor, manager, memstore OSD and
# gateway; the S3 tests (CephRgwTests) read RICORD_TEST_S3. s3rver (npm, below) stays for the fast S3 tests.
cephport=$(/usr/bin/python3 -c 'import socket
for _ in range(50):
    s=socket.socket(); s.bind(("127.0.0.1",0)); p=s.getsockname()[1]; s.close()
    t=socket.socket()
    try:
        t.bind(("127.0.0.1",p+1)); t.close(); print(p); break
    except OSError: t.close()')
cephdir="$(mktemp -d /tmp/ricord-ceph.XXXXXX)"
rmdir "$cephdir"
if exports="$("$root/tools/ceph-rgw.sh" up "$cephdir" "$cephport" 2>"/tmp/ricord-ceph-up.$$.log" | tail -1)" \
   && [[ "$exports" == "export S3_ENDPOINT="* ]]; then
  eval "$exports"
  export RICORD_TEST_S3="$S3_ENDPOINT;$S3_ACCESS_KEY;$S3_SECRET_KEY;$S3_REGION"
  echo "== Ceph RADOS Gateway started on $S3_ENDPOINT (memstore in $cephdir, removed on exit)"
else
  echo "== Ceph RADOS Gateway did not start:" >&2
  tail -20 "/tmp/ricord-ceph-up.$$.log" >&2 || true
  fail "Ceph RADOS Gateway did not start"
fi
rm -f "/tmp/ricord-ceph-up.$$.log"

# --- npm packages used by tests (local S3-compatible server etc.) --------------------------
while IFS= read -r lock; do
  dir="$(dirname "$lock")"
  if [[ ! -d "$dir/node_modules" ]]; then
    echo "== npm ci in ${dir#"$root"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || fail "npm ci in ${dir#"$root"/}"
  fi
done < <(find "$root/tests" -name package-lock.json -not -path "*/node_modules/*")

# --- build ---------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
shopt -s nullglob
# Test projects are those that reference xUnit; others under tests/ (e.g. the de-identification scorer library that the
# tests and a benchmark share) are built with the solution but not run.
projects=()
for proj in tests/*/*.csproj; do
  grep -qiE 'xunit|Microsoft\.NET\.Test\.Sdk' "$proj" && projects+=("$proj")
done
shopt -u nullglob
results="$root/.test-results"
rm -rf "$results"; mkdir -p "$results"

if [[ $build == 1 ]]; then
  # A failed build must not leave last run's test assemblies behind to be run as if current.
  for proj in "${projects[@]}"; do
    rm -f "$(dirname "$proj")/bin/Release/net10.0/$(basename "$proj" .csproj).dll"
  done
  echo "== dotnet build Ricord.slnx -c Release"
  build_args=(-c Release -nologo -v quiet "-clp:ErrorsOnly;NoSummary")
  if ! dotnet build Ricord.slnx "${build_args[@]}" > "$results/build.log" 2>&1; then
    grep -aE "error|Error" "$results/build.log" | sort -u | head -40 || tail -40 "$results/build.log"
    fail "dotnet build Ricord.slnx"
  fi
  # Test projects not (yet) listed in the solution are built on their own.
  for proj in "${projects[@]}"; do
    grep -qF "\"$proj\"" Ricord.slnx && continue
    echo "== dotnet build $proj (not in Ricord.slnx)"
    if ! dotnet build "$proj" "${build_args[@]}" > "$results/build-$(basename "$proj" .csproj).log" 2>&1; then
      grep -aE "error" "$results/build-$(basename "$proj" .csproj).log" | sort -u | head -20 || true
      fail "dotnet build $proj"
    fi
  done
fi

# --- test, one project at a time -----------------------------------------------------------
passed=0 failed=0 skipped=0
for proj in "${projects[@]}"; do
  name="$(basename "$proj" .csproj)"
  args=(test "$proj" -c Release --no-build --nologo
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" --blame-hang-timeout 10m)
  [[ -n "$filter" ]] && args+=(--filter "$filter")
  args+=(-- RunConfiguration.TestSessionTimeout=3000000)
  start=$SECONDS
  dotnet "${args[@]}" > "$results/$name.log" 2>&1 && rc=0 || rc=$?
  took=$((SECONDS - start))
  if [[ ! -f "$results/$name.trx" ]]; then
    echo "== $name: did not run (exit $rc, ${took}s); last lines of its log:"
    grep -avE '^\s+at |^\s*$' "$results/$name.log" | tail -15 | cut -c1-200 | sed 's/^/     /' || true
    fail "$name did not run"
    continue
  fi
  report="$(/usr/bin/python3 "$root/.ci/trx_summary.py" "$results/$name.trx")" \
    || report="0 0 0 1"$'\n'"     could not read $name.trx"
  read -r p f s problem <<< "$(head -1 <<< "$report")"
  line="$p passed, $f failed"
  [[ "$s" != 0 ]] && line="$line, $s skipped"
  echo "== $name: $line (${took}s)"
  tail -n +2 <<< "$report"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  if [[ "$problem" != 0 || ( $rc != 0 && "$f" == 0 ) ]]; then
    grep -avE '^\s+at |^\s*$' "$results/$name.log" | tail -8 | cut -c1-200 | sed 's/^/     /' || true
    fail "$name: test run failed (exit $rc)"
  fi
done

[[ ${#projects[@]} == 0 ]] && fail "no test projects under tests/"
[[ $failed != 0 ]] && status=1
[[ $passed == 0 ]] && fail "no test passed"
if [[ ${#problems[@]} -gt 0 ]]; then
  echo "== problems: $(IFS=';'; echo "${problems[*]}" | sed 's/;/; /g')"
fi
echo "== logs and TRX files in ${results#"$root"/}/"
summary="$passed passed, $failed failed"
[[ $skipped != 0 ]] && summary="$summary, $skipped skipped"
echo "$summary"
exit $status
