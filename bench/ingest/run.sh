#!/usr/bin/env bash
# Ingest throughput, one command: `ricord ingest` (de-identification on, fresh data dir, durable) against
# Orthanc REST `POST /instances` (SQLite index, same files, same number of clients, loopback-only network
# namespace) and against `cp -r` + `sync` of the same files, interleaved, ROUNDS rounds, medians, ratios.
#
# Usage (as root: unshare -n and apt-get need it):  bench/ingest/run.sh
# Environment: ROUNDS=3  WARMUP=1 (untimed first round)  CLIENTS=2 (ricord --parallel and Orthanc clients)
#   CT_PATIENTS=8 CXR_PATIENTS=40 SLICES=64 SEED=1 (corpus: ricord synth, ~730 MB, ~1,180 instances)
#   WORK=/tmp/ricord-ingest-bench (corpus, outputs; same filesystem for every tool)  KEEP=0 (1: keep WORK)
#   R2R=0 (1: also time a ReadyToRun publish of the same CLI, as tool `ricord-r2r`: what `./ricord` runs)
#   OUT=bench/results/ingest.md (the generated part between its run.sh markers is replaced; else appended)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
here=$repo/bench/ingest
ROUNDS=${ROUNDS:-3} WARMUP=${WARMUP:-1} CLIENTS=${CLIENTS:-2}
CT_PATIENTS=${CT_PATIENTS:-8} CXR_PATIENTS=${CXR_PATIENTS:-40} SLICES=${SLICES:-64} SEED=${SEED:-1}
WORK=${WORK:-/tmp/ricord-ingest-bench} KEEP=${KEEP:-0} R2R=${R2R:-0} OUT=${OUT:-bench/results/ingest.md}

[ "$(id -u)" = 0 ] || { echo "run.sh: run as root (unshare -n, apt-get)" >&2; exit 1; }
command -v Orthanc >/dev/null || apt-get install -y -q orthanc >/dev/null
[ -x /usr/bin/python3 ] || apt-get install -y -q python3 >/dev/null
command -v curl >/dev/null || apt-get install -y -q curl >/dev/null

echo "building ricord (Release)…" >&2
dotnet build src/Ricord.Cli -c Release -v q -nologo "-clp:ErrorsOnly;NoSummary" >&2
cli=(dotnet "$repo/src/Ricord.Cli/bin/Release/net10.0/Ricord.Cli.dll")
mkdir -p "$WORK"
# A kept publish is reused only if it was made from this commit with no local change under src/.
stamp="$(git rev-parse HEAD)-clean"
if ! git diff --quiet HEAD -- src || [ -n "$(git ls-files --others --exclude-standard -- src)" ]; then stamp="$(git rev-parse HEAD)-dirty"; fi
if [ "$R2R" = 1 ] && { [ ! -f "$WORK/r2r/Ricord.Cli.dll" ] || [ "$(cat "$WORK/r2r/.ricord-commit" 2>/dev/null)" != "$stamp" ] || [[ "$stamp" != *-clean ]]; }; then
  echo "publishing ricord ReadyToRun…" >&2
  rm -rf "$WORK/r2r"
  dotnet publish src/Ricord.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$WORK/r2r" -v q -nologo "-clp:ErrorsOnly;NoSummary" >&2
  echo "$stamp" >"$WORK/r2r/.ricord-commit"
fi
loadlog=$WORK/loadavg.log tsv=$WORK/results.tsv
: >"$loadlog"
(while :; do echo "$(date +%s) $(cut -d' ' -f1 /proc/loadavg)" >>"$loadlog"; sleep 2; done) &
sampler=$!
cleanup() {
  kill "$sampler" 2>/dev/null || true
  rm -rf "$WORK/ricord-data" "$WORK/cp-out" "$WORK/orthanc"
  [ "$KEEP" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

# Corpus: ricord synth, regenerated only when its parameters change.
corpus=$WORK/corpus params="seed=$SEED ct=$CT_PATIENTS cxr=$CXR_PATIENTS slices=$SLICES"
if [ "$(cat "$WORK/corpus.params" 2>/dev/null)" != "$params" ]; then
  rm -rf "$corpus" "$WORK/corpus.params"
  "${cli[@]}" synth "$corpus" --seed "$SEED" --ct-patients "$CT_PATIENTS" --cxr-patients "$CXR_PATIENTS" --slices "$SLICES" | tail -1 >&2
  echo "$params" >"$WORK/corpus.params"
fi
sites=()
for d in "$corpus"/sites/*/dicom; do sites+=("$(basename "$(dirname "$d")")"); done
find "$corpus"/sites/*/dicom -type f | sort >"$WORK/files.txt"
files=$(wc -l <"$WORK/files.txt")
bytes=$(xargs -d '\n' cat <"$WORK/files.txt" | wc -c) # also warms the page cache
echo "corpus: $files files, $bytes bytes, sites: ${sites[*]}" >&2

now() { date +%s.%N; }
load1() { cut -d' ' -f1 /proc/loadavg; }

run_cp() {
  rm -rf "$WORK/cp-out"; mkdir -p "$WORK/cp-out"; sync
  local s e
  s=$(now)
  for site in "${sites[@]}"; do cp -r "$corpus/sites/$site/dicom" "$WORK/cp-out/$site"; done
  sync
  e=$(now)
  echo "cp $(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.3f", b - a }') $files ok=$files"
}

run_ricord_r2r() { run_ricord ricord-r2r dotnet "$WORK/r2r/Ricord.Cli.dll"; }

run_ricord() {
  local tool=ricord
  if [ $# -gt 0 ]; then tool=$1; shift; else set -- "${cli[@]}"; fi
  rm -rf "$WORK/ricord-data"; sync
  local s e code inner=0 line
  s=$(now)
  # One process for every site (PATH=SITE inputs): one start-up, as a server or a batch job would run it.
  local inputs=()
  for site in "${sites[@]}"; do inputs+=("$corpus/sites/$site/dicom=$site"); done
  code=0
  line=$("$@" ingest "${inputs[@]}" --collection BENCH --parallel "$CLIENTS" --data "$WORK/ricord-data" | tail -1) || code=$?
  [ "$code" = 0 ] || [ "$code" = 5 ] || { echo "ricord ingest failed with exit code $code" >&2; exit 1; }
  # "N instances, M MB in S s: …" — the pipeline's own clock, without process start-up.
  inner=$(awk -v l="$line" 'BEGIN { split(l, w, " "); print w[6] }')
  e=$(now)
  local n
  n=$(find "$WORK/ricord-data/blobs" -type f ! -name '*.ricord-tmp' | wc -l)
  echo "$tool $(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.3f", b - a }') $files stored=$n pipeline_s=$inner"
}

run_orthanc() {
  local out
  out=$(unshare -n bash "$here/orthanc-round.sh" "$WORK/orthanc" "$WORK/files.txt" "$CLIENTS")
  # files bytes post_seconds ok already failed sync_seconds stored
  read -r f _ post ok already failed syncs stored <<<"$out"
  [ "$failed" = 0 ] && [ "$stored" = "$f" ] || { echo "orthanc round failed: $out" >&2; exit 1; }
  echo "orthanc $post $f stored=$stored post+sync_s=$(awk -v a="$post" -v b="$syncs" 'BEGIN { printf "%.3f", a + b }')"
}

echo -e "round\ttool\tseconds\tfiles\tdetail\tload1_before\tload1_after" >"$tsv"
tools=(cp ricord orthanc)
[ "$R2R" = 1 ] && tools+=(ricord_r2r)
for ((r = 1 - WARMUP; r <= ROUNDS; r++)); do
  for ((k = 0; k < ${#tools[@]}; k++)); do
    t=${tools[$(((k + r + ${#tools[@]}) % ${#tools[@]}))]} # rotate the order every round
    lb=$(load1)
    line=$("run_$t") || exit 1
    read -r name secs n detail <<<"$line"
    la=$(load1)
    echo "round $r: $name ${secs}s ($detail) load $lb→$la" >&2
    [ "$r" -ge 1 ] && echo -e "$r\t$name\t$secs\t$n\t$detail\t$lb\t$la" >>"$tsv"
  done
done

# Report.
report=$(
  /usr/bin/python3 - "$tsv" "$loadlog" "$files" "$bytes" <<'PY'
import statistics, sys
tsv, loadlog, files, nbytes = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rows = [l.rstrip("\n").split("\t") for l in open(tsv)][1:]
by = {}
for r in rows:
    by.setdefault(r[1], []).append(float(r[2]))
med = {k: statistics.median(v) for k, v in by.items()}
loads = [float(l.split()[1]) for l in open(loadlog) if l.strip()]
print(f"| tool | runs (s) | median s | inst/s | MB/s | Ricord speed ÷ tool speed |")
print(f"|---|---|---:|---:|---:|---:|")
names = {"ricord": "`ricord ingest` (de-id on, --parallel 2, one process for all sites)", "ricord-r2r": "same, CLI published ReadyToRun (as `./ricord` builds it)", "orthanc": "Orthanc 1.10 REST `POST /instances`, 2 clients, SQLite",
         "cp": "`cp -r` + `sync`"}
for k in ("ricord", "ricord-r2r", "orthanc", "cp"):
    if k not in med: continue
    m = med[k]
    ratio = med[k] / med["ricord"] if "ricord" in med else float("nan")
    print(f"| {names[k]} | {' / '.join(f'{x:.2f}' for x in by[k])} | {m:.2f} | {files / m:,.0f} | {nbytes / 1e6 / m:,.1f} | {ratio:.2f}× |")
print()
for k, what in (("ricord", "JIT build"), ("ricord-r2r", "ReadyToRun, as `./ricord` runs it")):
    if k in med and "orthanc" in med and "cp" in med:
        o, c = med["orthanc"] / med[k], med["cp"] / med[k]
        print(f"Targets (issue 4), {what}: Ricord ≥ 5× Orthanc → **{o:.2f}×** ({'met' if o >= 5 else 'NOT met'}); Ricord ≥ 1/3 of `cp -r` + `sync` → **{c:.2f}** ({'met' if c >= 1/3 else 'NOT met'}).")
        print()
pipe = {}
for r in rows:
    if r[1].startswith("ricord") and "pipeline_s=" in r[4]:
        pipe.setdefault(r[1], []).append(float(r[4].split("pipeline_s=")[1].split()[0]))
for k, what in (("ricord", "JIT build"), ("ricord-r2r", "ReadyToRun")):
    if k in pipe and "orthanc" in med and "cp" in med:
        p = statistics.median(pipe[k])
        print(f"Pipeline only, {what} (Ricord's own clock from opening the pipeline to its last commit: no process start-up, no catalog creation; "
              f"the window Orthanc's clock covers, its server started and its index created before): median {p:.2f} s, "
              f"{files / p:,.0f} inst/s → Orthanc ÷ Ricord **{med['orthanc'] / p:.2f}×**, `cp` + `sync` ÷ Ricord **{med['cp'] / p:.2f}**.")
        print()
if loads:
    print(f"Load average (1 min) sampled every 2 s during the run: min {min(loads):.2f}, median {statistics.median(loads):.2f}, max {max(loads):.2f}.")
print()
print("Per round (seconds; `detail` = instances stored, Ricord's in-process pipeline time over all sites (one process), Orthanc's time with a trailing `sync`):")
print()
print("| round | tool | s | detail | load before → after |")
print("|---:|---|---:|---|---|")
for r in rows:
    print(f"| {r[0]} | {r[1]} | {r[2]} | {r[4]} | {r[5]} → {r[6]} |")
PY
)
machine="$(nproc) vCPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -r), \
$(df -T "$WORK" | awk 'NR == 2 {print $2}') on $(df "$WORK" | awk 'NR == 2 {print $1}'), .NET $(dotnet --version), $(Orthanc --version | head -1), \
Ricord $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+dirty')"
block=$(cat <<EOF
<!-- run.sh:begin (generated by bench/ingest/run.sh; do not edit by hand) -->
Run: $(date -u +%Y-%m-%dT%H:%MZ); $machine.
Corpus: \`ricord synth --seed $SEED --ct-patients $CT_PATIENTS --cxr-patients $CXR_PATIENTS --slices $SLICES\`:
$files DICOM files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB in ${#sites[@]} sites; warm page cache; $ROUNDS rounds after $WARMUP warm-up round(s), tools rotated every round.

$report
<!-- run.sh:end -->
EOF
)
if [ -f "$OUT" ] && grep -q 'run.sh:begin' "$OUT"; then
  /usr/bin/python3 - "$OUT" "$block" <<'PY'
import re, sys
path, block = sys.argv[1], sys.argv[2]
text = open(path).read()
text = re.sub(r"<!-- run.sh:begin.*?<!-- run.sh:end -->", lambda _: block, text, flags=re.S)
open(path, "w").write(text)
PY
else
  printf '%s\n' "$block" >>"$OUT"
fi
echo "$block"
