#!/usr/bin/env bash
# Whole-process parse comparison: Ricord vs dcmtk (dcmdump, dcm2json) vs pydicom over one CT corpus.
#
#   bench/compare-parse.sh [CORPUS_DIR=/tmp/ricord-ct-corpus] [N=2000]
#   ROUNDS=3 MODES="header full" OUT=bench/results/parse.md bench/compare-parse.sh
#   AOT=0 (skip the NativeAOT build) | AOT_BIN=path (reuse one) | WARMUP=0 | NO_BUILD=1 | DCM2JSON=0 (skip dcm2json)
#
# Generates the corpus if the folder is missing (bench/make-ct-corpus.py, deterministic). The page
# cache is left warm (nothing is dropped; a warm-up round reads every file first). Each round runs
# every command once, in turn, so Ricord and its peers share whatever load the machine has; the
# table reports the median wall time of ROUNDS rounds, start-up of every process included.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus=${1:-/tmp/ricord-ct-corpus}
n=${2:-2000}
rounds=${ROUNDS:-3}
modes=${MODES:-"header full"}
out=${OUT:-$here/results/parse.md}
py=/usr/bin/python3 # Debian's python3 with pydicom; the python3 on PATH may lack it

for tool in dcmdump dcm2json; do
    command -v $tool > /dev/null || { echo "missing $tool: apt-get install -y dcmtk" >&2; exit 1; }
done
$py -c 'import pydicom' || { echo "missing pydicom: apt-get install -y python3-pydicom" >&2; exit 1; }

if [ ! -d "$corpus" ]; then
    echo "generating $n CT slices into $corpus" >&2
    $py "$here/make-ct-corpus.py" "$corpus" "$n"
fi

[ -n "${NO_BUILD:-}" ] || dotnet build "$here/Ricord.ParseBench" -c Release -v q -nologo > /dev/null
parsebench="$here/Ricord.ParseBench/bin/Release/net10.0/Ricord.ParseBench"
# AOT=1 (default) also measures a NativeAOT build: start-up comparable to the native peers.
# AOT_BIN=path reuses a NativeAOT build already published.
aot="${AOT_BIN:-}"
if [ -z "$aot" ] && [ "${AOT:-1}" = 1 ]; then
    if dotnet publish "$here/Ricord.ParseBench" -c Release -r linux-x64 -p:PublishAot=true -o "$root/bench/Ricord.ParseBench/bin/aot" -v q -nologo > /dev/null; then
        aot="$root/bench/Ricord.ParseBench/bin/aot/Ricord.ParseBench"
    else
        echo "NativeAOT publish failed; measuring the JIT build only" >&2
    fi
fi

files=$(find "$corpus" -type f | wc -l)
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/pydicom_parse.py" << 'EOF'
import os, sys
from pydicom import dcmread
full = sys.argv[2] == "full"
n = 0
for dirpath, _, names in os.walk(sys.argv[1]):
    for name in sorted(names):
        if full:
            ds = dcmread(os.path.join(dirpath, name))
            n += len(ds.PixelData)
        else:
            ds = dcmread(os.path.join(dirpath, name), stop_before_pixels=True)
            n += len(ds)
assert n > 0
EOF

# name|mode|command (each command parses the whole corpus in its own process or processes)
commands=()
for mode in $modes; do
    if [ "$mode" = header ]; then
        commands+=("Ricord ParseBench|header|$parsebench $corpus --mode header --threads 1")
        if [ -n "$aot" ]; then commands+=("Ricord ParseBench NativeAOT|header|$aot $corpus --mode header --threads 1"); fi
        commands+=("dcmtk dcmdump -M|header|dcmdump -q +sd +r -M $corpus")
        commands+=("pydicom stop_before_pixels|header|$py $work/pydicom_parse.py $corpus header")
    else
        # full: every byte read (into a buffer reused from file to file, as ingest's pooled ItemBytes) and parsed,
        # Pixel Data touched; then the same with a fresh array per file, and with Pixel Data left in the file.
        commands+=("Ricord ParseBench|full|$parsebench $corpus --mode full-reuse --threads 1")
        if [ -n "$aot" ]; then commands+=("Ricord ParseBench NativeAOT|full|$aot $corpus --mode full-reuse --threads 1"); fi
        commands+=("Ricord ParseBench, fresh array per file|full|$parsebench $corpus --mode full --threads 1")
        commands+=("Ricord ParseBench, Pixel Data left in the file|full|$parsebench $corpus --mode full-lazy --threads 1")
        commands+=("dcmtk dcmdump +M|full|dcmdump -q +sd +r +M $corpus")
        if [ "${DCM2JSON:-1}" = 1 ]; then
            commands+=("dcmtk dcm2json (xargs, 1 process/file)|full|find $corpus -type f -print0 | xargs -0 -n 1 dcm2json")
        fi
        commands+=("pydicom dcmread + PixelData|full|$py $work/pydicom_parse.py $corpus full")
    fi
done

now() { date +%s.%N; }
echo "warm-up: reading the corpus (and, unless WARMUP=0, running each command once)" >&2
cat "$corpus"/* > /dev/null
for round in $(seq $((1 - ${WARMUP:-1})) "$rounds"); do
    for i in "${!commands[@]}"; do
        IFS='|' read -r name mode cmd <<< "${commands[$i]}"
        t0=$(now)
        bash -c "$cmd" > /dev/null
        t1=$(now)
        if [ "$round" -gt 0 ]; then
            echo "$i $(echo "$t1 - $t0" | bc)" >> "$work/times"
            echo "round $round: $name ($mode): $(echo "$t1 - $t0" | bc) s" >&2
        fi
    done
done

median() { grep "^$1 " "$work/times" | awk '{print $2}' | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

{
    echo "# Whole-process parse comparison"
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) vCPU, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- corpus: $files CT slices ($corpus, bench/make-ct-corpus.py), $(echo "scale=1; $bytes/1000000" | bc) MB, 512x512 16-bit, Explicit VR LE, ~130 top-level elements"
    echo "- warm page cache (nothing dropped); median of $rounds interleaved rounds$([ "${WARMUP:-1}" = 1 ] && echo " after a warm-up round"); every process's start-up included"
    echo "- tools: Ricord $(git -C "$root" rev-parse --short HEAD) (.NET $(dotnet --version)), dcmtk $(dcmdump --version 2>&1 | head -1 | grep -o 'v[0-9.]*'), pydicom $($py -c 'import pydicom; print(pydicom.__version__)')"
    echo
    echo "Speed-up = the tool's time / Ricord's time in the same mode (JIT build; NativeAOT build in the last column)."
    echo "header: Ricord stops at Pixel Data; dcmdump -M parses it without loading it. full: Ricord reads every byte into a"
    echo "buffer reused from file to file (as ingest does), parses every element and touches Pixel Data; dcmdump +M loads"
    echo "every value; pydicom reads the file and PixelData. The two extra Ricord rows show what a fresh array per file costs"
    echo "and what leaving Pixel Data in the file (offset and length only) saves."
    echo
    echo "| tool | mode | seconds | files/s | MB/s | Ricord speed-up | Ricord AOT speed-up |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    declare -A ricord ricordaot
    for i in "${!commands[@]}"; do
        IFS='|' read -r name mode cmd <<< "${commands[$i]}"
        [[ $name == "Ricord ParseBench" ]] && ricord[$mode]=$(median "$i")
        [[ $name == "Ricord ParseBench NativeAOT" ]] && ricordaot[$mode]=$(median "$i")
    done
    for i in "${!commands[@]}"; do
        IFS='|' read -r name mode cmd <<< "${commands[$i]}"
        s=$(median "$i")
        ratio=$(printf '%.2f' "$(echo "$s / ${ricord[$mode]}" | bc -l)")
        ratioaot=-
        if [ -n "${ricordaot[$mode]:-}" ]; then ratioaot="$(printf '%.2f' "$(echo "$s / ${ricordaot[$mode]}" | bc -l)")×"; fi
        printf '| %s | %s | %.2f | %.0f | %.0f | %s× | %s |\n' "$name" "$mode" "$s" "$(echo "$files / $s" | bc -l)" "$(echo "$bytes / 1000000 / $s" | bc -l)" "$ratio" "$ratioaot"
    done
    echo
    echo "Commands (each parses the whole corpus; stdout to /dev/null):"
    echo
    for c in "${commands[@]}"; do
        IFS='|' read -r name mode cmd <<< "$c"
        echo "- $name, $mode: \`${cmd//$work\//}\`"
    done
    echo
    echo "Ricord in-process numbers (same corpus, after the rounds above; allocations per file):"
    echo
    echo '```'
    "$parsebench" "$corpus" --mode all --threads 1,2 --passes 3
    echo '```'
} > "$work/report.md"
mkdir -p "$(dirname "$out")"
cp "$work/report.md" "$out"
cat "$out"
