#!/usr/bin/env bash
# Interleaved A/B of Ricord builds on the ingest bench's corpus: each build's `ricord ingest` of every site, ROUNDS
# times, alternating, fresh data dir each run; prints median and best wall and pipeline time per build.
# Usage: bench/ingest/ab.sh ROUNDS NAME=PUBLISH_DIR[:VAR=VALUE] …
#   PUBLISH_DIR holds a `dotnet publish` of src/Ricord.Cli (e.g. -c Release -r linux-x64 -p:PublishReadyToRun=true);
#   VAR=VALUE is set in that build's environment (e.g. DOTNET_TieredPGO=1). The corpus is bench/ingest/run.sh's
#   (run it once with KEEP=1 first); WORK as there.
set -euo pipefail
WORK=${WORK:-/tmp/ricord-ingest-bench}
[ -d "$WORK/corpus/sites" ] || { echo "ab.sh: no corpus in $WORK (run bench/ingest/run.sh with KEEP=1 first)" >&2; exit 1; }
rounds=$1; shift
inputs=()
for s in "$WORK"/corpus/sites/*; do inputs+=("$s/dicom=$(basename "$s")"); done
out=$(mktemp)
for ((r = 0; r < rounds; r++)); do
  for spec in "$@"; do
    name=${spec%%=*} rest=${spec#*=}
    dir=${rest%%:*} envs=()
    [[ "$rest" == *:* ]] && envs=("${rest#*:}")
    rm -rf "$WORK/ab-data"; sync
    s=$(date +%s.%N)
    line=$(env "${envs[@]}" dotnet "$dir/Ricord.Cli.dll" ingest "${inputs[@]}" --collection BENCH --parallel 2 --data "$WORK/ab-data" | tail -1) || true
    e=$(date +%s.%N)
    # "N instances, M MB in S s: …": the pipeline's own clock
    echo "$name $(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.3f", b - a }') $(awk '{print $6}' <<<"$line")" | tee -a "$out"
  done
done
rm -rf "$WORK/ab-data"
/usr/bin/python3 - "$out" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(lambda: ([], []))
for line in open(sys.argv[1]):
    name, wall, pipe = line.split()
    runs[name][0].append(float(wall)); runs[name][1].append(float(pipe))
for name, (wall, pipe) in runs.items():
    print(f"{name}: wall median {statistics.median(wall):.2f} s (best {min(wall):.2f}), pipeline median {statistics.median(pipe):.2f} s (best {min(pipe):.2f}), n={len(wall)}")
PY
rm -f "$out"
