#!/usr/bin/env bash
# Whole-process speed of `ricord synth` against the disk's own copy speed, in one run.
# Usage: bench/synth/synth-speed.sh [synth options...]   (default: the docs/synth.md demo)
# Prints the generator's summary line, its CPU time, and `cp -r` + `sync` of the same output.
set -euo pipefail
cd "$(dirname "$0")/../.."
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--ct-patients 4 --cxr-patients 20)
dotnet build src/Ricord.Cli -c Release -v q -nologo >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "cpu: %U s user, %S s sys, %e s wall, %M KB peak RSS" \
  dotnet src/Ricord.Cli/bin/Release/net10.0/Ricord.Cli.dll synth "$work/a" "${args[@]}"
sync
bytes=$(du -sb "$work/a" | cut -f1)
start=$(date +%s.%N)
cp -r "$work/a" "$work/b" && sync
end=$(date +%s.%N)
awk -v b="$bytes" -v s="$start" -v e="$end" 'BEGIN { t = e - s; printf "cp -r + sync: %.1f MB in %.2f s (%.1f MB/s)\n", b / 1e6, t, b / 1e6 / t }'
