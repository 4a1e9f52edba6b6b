#!/usr/bin/env bash
# Whole-process parse comparison: Ricord (ReadyToRun as the CLI ships, NativeAOT, JIT) vs dcmtk (dcmdump, dcm2json)
# vs pydicom over one CT corpus, with the issue-20 targets as ratios of the same run.
#
#   bench/compare-parse.sh [CORPUS_DIR=/tmp/ricord-ct-corpus] [N=2000]
#   ROUNDS=3 MODES="header full" OUT=bench/results/parse.md bench/compare-parse.sh
#   AOT=0 (skip the NativeAOT build) | AOT_BIN=path (reuse one) | JIT=0 (skip the JIT build) | WARMUP=0 | NO_BUILD=1
#   DCM2JSON=0 (skip dcm2json) | REPLACE=1 (overwrite OUT instead of putting the new report on top of it)
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

# Three builds of the same bench: ReadyToRun (the way the CLI ships: ./ricord publishes with PublishReadyToRun=true),
# NativeAOT (AOT=0 skips it; AOT_BIN=path reuses one) and plain JIT (JIT=0 skips it). NO_BUILD=1 reuses all three.
bench=$here/Ricord.ParseBench
publish() { dotnet publish "$bench" -c Release -r linux-x64 -v q -nologo "-clp:ErrorsOnly;NoSummary" "$@" > /dev/null; }
if [ -z "${NO_BUILD:-}" ]; then
    publish --self-contained false -p:PublishReadyToRun=true -o "$bench/bin/r2r"
    [ "${JIT:-1}" = 0 ] || dotnet build "$bench" -c Release -v q -nologo > /dev/null
fi
r2r="$bench/bin/r2r/Ricord.ParseBench"
jit=""
[ "${JIT:-1}" = 0 ] || jit="$bench/bin/Release/net10.0/Ricord.ParseBench"
aot="${AOT_BIN:-}"
if [ -z "$aot" ] && [ "${AOT:-1}" = 1 ]; then
    if [ -n "${NO_BUILD:-}" ] || publish -p:PublishAot=true -o "$bench/bin/aot"; then
        aot="$bench/bin/aot/Ricord.ParseBench"
    else
        echo "NativeAOT publish failed; measuring ReadyToRun and JIT only" >&2
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

# key|tool|mode|command (each command parses the whole corpus in its own process or processes). Ricord's modes are
# bench/Ricord.ParseBench/ParseMode.cs, all through the API a user of Ricord.Dicom calls.
commands=()
ricord() { # key suffix, label, ParseBench mode
    commands+=("r2r-$1|Ricord, ReadyToRun (as shipped)$2|$3|$r2r $corpus --mode $3 --threads 1")
    if [ -n "$aot" ]; then commands+=("aot-$1|Ricord, NativeAOT$2|$3|$aot $corpus --mode $3 --threads 1"); fi
    if [ -n "$jit" ]; then commands+=("jit-$1|Ricord, JIT$2|$3|$jit $corpus --mode $3 --threads 1"); fi
}
for mode in $modes; do
    if [ "$mode" = header ]; then
        ricord header "" header
        commands+=("dcmdump-header|dcmtk dcmdump -M|header|dcmdump -q +sd +r -M $corpus")
        commands+=("pydicom-header|pydicom stop_before_pixels|header|$py $work/pydicom_parse.py $corpus header")
    else
        ricord full "" full
        ricord full-read ", + Pixel Data read (CopyTo)" full-read
        commands+=("r2r-full-array|Ricord, ReadyToRun, + Pixel Data as .Memory (array per file)|full-array|$r2r $corpus --mode full-array --threads 1")
        commands+=("r2r-full-memory|Ricord, ReadyToRun, whole file in a reused buffer (ingest's path)|full-memory|$r2r $corpus --mode full-memory --threads 1")
        commands+=("dcmdump-full|dcmtk dcmdump +M|full|dcmdump -q +sd +r +M $corpus")
        if [ "${DCM2JSON:-1}" = 1 ]; then
            commands+=("dcm2json-full|dcmtk dcm2json (xargs, 1 process/file)|full|find $corpus -type f -print0 | xargs -0 -n 1 dcm2json")
        fi
        commands+=("pydicom-full|pydicom dcmread + PixelData|full|$py $work/pydicom_parse.py $corpus full")
    fi
done

load0=$(cut -d' ' -f1-3 /proc/loadavg)
echo "warm-up: reading the corpus (and, unless WARMUP=0, running each command once)" >&2
cat "$corpus"/* > /dev/null
for round in $(seq $((1 - ${WARMUP:-1})) "$rounds"); do
    for i in "${!commands[@]}"; do
        IFS='|' read -r key name mode cmd <<< "${commands[$i]}"
        # GNU time: wall seconds, and the CPU seconds (user + system) of the command and every process it waited for.
        /usr/bin/time -f '%e %U %S' -o "$work/one" bash -c "$cmd" > /dev/null
        read -r wall user sys < <(tail -1 "$work/one")
        cpu=$(echo "$user + $sys" | bc)
        if [ "$round" -gt 0 ]; then
            echo "$i $wall $cpu" >> "$work/times"
            echo "round $round: $name ($mode): $wall s wall, $cpu s CPU" >&2
        fi
    done
done

median() { grep "^$1 " "$work/times" | awk -v f="${2:-2}" '{print $f}' | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
declare -A secs cpus
for i in "${!commands[@]}"; do
    IFS='|' read -r key name mode cmd <<< "${commands[$i]}"
    secs[$key]=$(median "$i" 2)
    cpus[$key]=$(median "$i" 3)
done
ratio() { # peer key, Ricord key: the peer's CPU time / Ricord's, then the same of wall time; - when either was not run
    if [ -n "${secs[$1]:-}" ] && [ -n "${secs[$2]:-}" ]; then
        printf '%.2f× (wall %.2f×)' "$(echo "${cpus[$1]} / ${cpus[$2]}" | bc -l)" "$(echo "${secs[$1]} / ${secs[$2]}" | bc -l)"
    else echo -; fi
}

{
    echo "# Whole-process parse comparison"
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) vCPU, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); load average at start: $load0; at end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- corpus: $files CT slices ($corpus, bench/make-ct-corpus.py), $(echo "scale=1; $bytes/1000000" | bc) MB, 512x512 16-bit, Explicit VR LE, ~130 top-level elements"
    echo "- warm page cache (nothing dropped); median of $rounds interleaved rounds$([ "${WARMUP:-1}" = 1 ] && echo " after a warm-up round"); every process's start-up included"
    echo "- tools: Ricord $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- src bench || echo '+changes') (.NET $(dotnet --version)), dcmtk $(dcmdump --version 2>&1 | head -1 | grep -o 'v[0-9.]*'), pydicom $($py -c 'import pydicom; print(pydicom.__version__)')"
    echo
    echo "## Targets (issue 20), this run"
    echo
    echo "Each cell: the peer's CPU time (user + system, start-up included) ÷ Ricord's, medians of the rounds; in brackets"
    echo "the same of wall time. On a shared machine CPU time is the steadier measure: under load the scheduler shares"
    echo "the cores unevenly between a single-threaded peer and a runtime with helper threads, which moves wall time."
    echo
    echo "| target | peer ÷ Ricord ReadyToRun (as shipped) | NativeAOT | JIT |"
    echo "|---|---:|---:|---:|"
    echo "| header parse ≥ 10× pydicom \`stop_before_pixels\` | $(ratio pydicom-header r2r-header) | $(ratio pydicom-header aot-header) | $(ratio pydicom-header jit-header) |"
    echo "| full parse (\`DicomFile.Open\`, bulk data lazy) ≥ 2× \`dcmdump +M\` | $(ratio dcmdump-full r2r-full) | $(ratio dcmdump-full aot-full) | $(ratio dcmdump-full jit-full) |"
    echo "| full parse and Pixel Data read (\`DicomBuffer.CopyTo\`) vs \`dcmdump +M\` | $(ratio dcmdump-full r2r-full-read) | $(ratio dcmdump-full aot-full-read) | $(ratio dcmdump-full jit-full-read) |"
    echo "| header parse vs \`dcmdump -M\` | $(ratio dcmdump-header r2r-header) | $(ratio dcmdump-header aot-header) | $(ratio dcmdump-header jit-header) |"
    echo "| full parse vs pydicom \`dcmread\` + \`PixelData\` | $(ratio pydicom-full r2r-full) | $(ratio pydicom-full aot-full) | $(ratio pydicom-full jit-full) |"
    echo
    echo "## All commands"
    echo
    echo "Ricord's modes (bench/Ricord.ParseBench/ParseMode.cs): header = \`DicomFile.Open(path, new() { StopBeforePixelData = true })\`;"
    echo "full = \`DicomFile.Open(path)\`: every element parsed, values of 64 KiB or more (Pixel Data) left in the file as"
    echo "offset + length until asked for; + Pixel Data read = then \`element.Buffer.CopyTo(buffer)\` into a buffer reused from"
    echo "file to file; as .Memory = then \`element.Bytes\` (an array per value); ingest's path = the whole file read into a"
    echo "reused buffer, then \`DicomFile.Read(memory)\`. dcmdump -M parses Pixel Data without loading it; +M loads every value."
    echo
    echo "| tool | mode | CPU s | wall s | files/s (wall) | MB/s (wall) |"
    echo "|---|---|---:|---:|---:|---:|"
    for i in "${!commands[@]}"; do
        IFS='|' read -r key name mode cmd <<< "${commands[$i]}"
        s=${secs[$key]}
        printf '| %s | %s | %.2f | %.2f | %.0f | %.0f |\n' "$name" "$mode" "${cpus[$key]}" "$s" "$(echo "$files / $s" | bc -l)" "$(echo "$bytes / 1000000 / $s" | bc -l)"
    done
    echo
    echo "Commands (each parses the whole corpus; stdout to /dev/null):"
    echo
    for c in "${commands[@]}"; do
        IFS='|' read -r key name mode cmd <<< "$c"
        echo "- $name, $mode: \`${cmd//$work\//}\`"
    done
    echo
    echo "Ricord in-process numbers, ReadyToRun build (same corpus, after the rounds above; allocations per file):"
    echo
    echo '```'
    "$r2r" "$corpus" --mode all --threads 1,2 --passes 3
    echo '```'
} > "$work/report.md"
mkdir -p "$(dirname "$out")"
if [ -f "$out" ] && [ -z "${REPLACE:-}" ]; then
    # The report goes on top; earlier runs' notes stay below it (REPLACE=1 overwrites the file).
    { cat "$work/report.md"; echo; echo "---"; echo; cat "$out"; } > "$work/merged.md"
    cp "$work/merged.md" "$out"
else
    cp "$work/report.md" "$out"
fi
cat "$work/report.md"
