#!/usr/bin/env bash
# The pack-file lever of issue 20, storage alone: the same input files written durably, in one run, interleaved,
# ROUNDS rounds, medians (bench/Ricord.IngestProbe, WriteProbe.cs; no parse, de-identification or catalog):
#   files  the data directory's blob store, as ingest uses it: a file per instance (draft, fsync, rename, one fsync per
#          shard folder), batches of 128 (ingest's group commit)
#   pack   one pack file per batch of 128: the instances appended, one fsync of the pack and one of its folder
#   cp     `cp -r` of the same folders, then `sync`
# Each round deletes the tool's previous output and syncs before its clock starts.
# Usage (after `bench/ingest/run.sh` with KEEP=1 made the corpus):  ROUNDS=5 bench/ingest/store-lever.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-5} WORK=${WORK:-/tmp/ricord-ingest-bench}
[ -s "$WORK/files.txt" ] || { echo "store-lever.sh: no corpus in $WORK (run bench/ingest/run.sh with KEEP=1 first)" >&2; exit 1; }
probe=$WORK/probe-r2r
if [ -z "${NO_BUILD:-}" ]; then
  echo "publishing the probe ReadyToRun…" >&2
  dotnet publish bench/Ricord.IngestProbe -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -p:TieredPGO=false -o "$probe" -v q -nologo "-clp:ErrorsOnly;NoSummary" >&2
fi
xargs -d '\n' cat <"$WORK/files.txt" >/dev/null # warm page cache
out=$(mktemp) one=$(mktemp)
trap 'rm -rf "$out" "$one" "$WORK/lever" "$WORK/lever-cp"' EXIT
tools=(files pack cp)
for ((r = 0; r <= ROUNDS; r++)); do # round 0 is a warm-up, not counted
  for ((k = 0; k < ${#tools[@]}; k++)); do
    t=${tools[$(((k + r) % ${#tools[@]}))]}
    rm -rf "$WORK/lever" "$WORK/lever-cp"
    mkdir -p "$WORK/lever" "$WORK/lever-cp"
    sync
    # GNU time: wall and CPU seconds of the whole command (the probe's start-up included; cp's and sync's own CPU,
    # not the kernel's writeback threads).
    if [ "$t" = cp ]; then
      /usr/bin/time -f '%e %U %S' -o "$one" bash -c \
        'for d in "$1"/corpus/sites/*; do cp -r "$d/dicom" "$1/lever-cp/$(basename "$d")"; done; sync' _ "$WORK"
    else
      /usr/bin/time -f '%e %U %S' -o "$one" "$probe/Ricord.IngestProbe" "write-$t" "$WORK/corpus/sites" "$WORK/lever" >&2
    fi
    read -r wall user sys < <(tail -1 "$one")
    line="$t $wall $(echo "$user + $sys" | bc)"
    [ "$r" = 0 ] || echo "$line" >>"$out"
    echo "round $r: $line" >&2
  done
done
files=$(wc -l <"$WORK/files.txt")
bytes=$(xargs -d '\n' stat -c %s <"$WORK/files.txt" | awk '{s += $1} END {print s}')
echo "Run: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) vCPU, $(findmnt -no FSTYPE,SOURCE -T "$WORK"), $files files, $(echo "scale=1; $bytes / 1000000" | bc) MB; load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
/usr/bin/python3 - "$out" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(lambda: ([], []))
for line in open(sys.argv[1]):
    name, s, cpu = line.split()
    runs[name][0].append(float(s)); runs[name][1].append(float(cpu))
cp = statistics.median(runs["cp"][0])
names = {"files": "(a) file per instance + fsync each (the blob store)", "pack": "(b) one pack per batch of 128 + one fsync", "cp": "(c) `cp -r` + `sync`"}
print("| layout | wall s (median) | CPU s | cp ÷ it | runs (wall s) |")
print("|---|---:|---:|---:|---|")
for name in ("files", "pack", "cp"):
    s, cpu = runs[name]
    m = statistics.median(s)
    print(f"| {names[name]} | {m:.2f} | {statistics.median(cpu):.2f} | {cp / m:.2f}× | {' / '.join(f'{x:.2f}' for x in s)} |")
PY
