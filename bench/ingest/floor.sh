#!/usr/bin/env bash
# What storage costs and what the rest of ingest costs on its own: the real pipeline (every site in one pass,
# ReadyToRun, --parallel 2, de-identification on) against four blob stores, with Orthanc and `cp -r` + `sync` of the
# same files in the same run, interleaved, ROUNDS rounds, medians. Pipeline-only clocks throughout (Orthanc's clock
# excludes its start-up too). Stores (bench/Ricord.IngestProbe, FloorProbe.cs):
#   real   the data directory's own store: what `ricord ingest` does (durable)
#   nosync each blob a file, renamed, never fsynced (NOT durable)
#   packed a prototype packed layout: a batch's blobs buffered in memory, one pwritev + fsync per batch (durable data)
#   null   blobs serialized and hashed, then dropped: the floor no storage layout can go below
# Usage (as root, after `bench/ingest/run.sh` with KEEP=1 made the corpus):  ROUNDS=4 bench/ingest/floor.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
here=$PWD/bench/ingest
ROUNDS=${ROUNDS:-4} WORK=${WORK:-/tmp/ricord-ingest-bench} CLIENTS=2
[ "$(id -u)" = 0 ] || { echo "floor.sh: run as root (unshare -n)" >&2; exit 1; }
[ -s "$WORK/files.txt" ] || { echo "floor.sh: no corpus in $WORK (run bench/ingest/run.sh with KEEP=1 first)" >&2; exit 1; }
probe=$WORK/probe-r2r
echo "publishing the probe ReadyToRun…" >&2
dotnet publish bench/Ricord.IngestProbe -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -p:TieredPGO=false -o "$probe" -v q -nologo "-clp:ErrorsOnly;NoSummary" >&2
xargs -d '\n' cat <"$WORK/files.txt" >/dev/null # warm page cache
out=$(mktemp)
trap 'rm -rf "$out" "$WORK/floor" "$WORK/cp-out" "$WORK/orthanc"' EXIT
tools=(real orthanc nosync cp null packed)
for ((r = 0; r <= ROUNDS; r++)); do # round 0 is a warm-up, not counted
  for ((k = 0; k < ${#tools[@]}; k++)); do
    t=${tools[$(((k + r) % ${#tools[@]}))]}
    case $t in
      orthanc)
        read -r _ _ post _ _ failed syncs _ < <(unshare -n bash "$here/orthanc-round.sh" "$WORK/orthanc" "$WORK/files.txt" "$CLIENTS")
        [ "$failed" = 0 ] || { echo "orthanc failed" >&2; exit 1; }
        line="orthanc $(awk -v a="$post" -v b="$syncs" 'BEGIN { printf "%.3f", a + b }') -" ;;
      cp)
        rm -rf "$WORK/cp-out"; mkdir -p "$WORK/cp-out"; sync
        s=$(date +%s.%N)
        for d in "$WORK"/corpus/sites/*; do cp -r "$d/dicom" "$WORK/cp-out/$(basename "$d")"; done
        sync
        line="cp $(awk -v a="$s" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }') -" ;;
      *)
        sync
        res=$(DOTNET_TieredPGO=0 "$probe/Ricord.IngestProbe" "floor-$t" "$WORK/corpus/sites" "$WORK/floor" "$CLIENTS" | tail -1)
        line="$t $(sed -E 's/.*pipeline_s=([0-9.]+) cpu_s=([0-9.]+).*/\1 \2/' <<<"$res")" ;;
    esac
    [ "$r" = 0 ] || echo "$line" >>"$out"
    echo "round $r: $line" >&2
  done
done
/usr/bin/python3 - "$out" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(lambda: ([], []))
for line in open(sys.argv[1]):
    name, s, cpu = line.split()
    runs[name][0].append(float(s))
    if cpu != "-": runs[name][1].append(float(cpu))
orthanc = statistics.median(runs["orthanc"][0])
print("| tool / store | pipeline s (median) | CPU s | Orthanc ÷ it | runs |")
print("|---|---:|---:|---:|---|")
for name in ("real", "packed", "nosync", "null", "orthanc", "cp"):
    s, cpu = runs[name]
    m = statistics.median(s)
    c = f"{statistics.median(cpu):.2f}" if cpu else ""
    print(f"| {name} | {m:.2f} | {c} | {orthanc / m:.2f}× | {' / '.join(f'{x:.2f}' for x in s)} |")
print(f"\n5× Orthanc = {orthanc / 5:.2f} s.")
PY
