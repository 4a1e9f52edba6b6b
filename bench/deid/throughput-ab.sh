#!/usr/bin/env bash
# De-identification throughput, A/B in one run: this checkout's engine against BASE's (default: the commit recorded in
# bench/results/deid.md as the baseline), the same Throughput code (bench/Ricord.DeidScore) built against each,
# interleaved three times so that load on a shared machine hits both alike. Compare the medians as a ratio.
# usage: bench/deid/throughput-ab.sh [BASE=420f16f] [SECONDS=10]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
base="${1:-420f16f}"
seconds="${2:-10}"
tree="/tmp/ricord-deid-ab-$base"
if [[ ! -d "$tree" ]]; then
  git -C "$root" worktree add --detach "$tree" "$base" > /dev/null
fi
# The bench and scorer sources come from this checkout (BASE may predate them); only src/ differs.
rm -rf "$tree/bench/Ricord.DeidScore" "$tree/tests/Ricord.DeidScoring"
cp -r "$root/bench/Ricord.DeidScore" "$tree/bench/" && cp -r "$root/tests/Ricord.DeidScoring" "$tree/tests/"
rm -rf "$tree/bench/Ricord.DeidScore/bin" "$tree/bench/Ricord.DeidScore/obj" "$tree/tests/Ricord.DeidScoring/bin" "$tree/tests/Ricord.DeidScoring/obj"
for dir in "$tree" "$root"; do
  dotnet build "$dir/bench/Ricord.DeidScore" -c Release -nologo -v quiet "-clp:ErrorsOnly;NoSummary"
done
for round in 1 2 3; do
  echo "== round $round: base $base"
  dotnet "$tree/bench/Ricord.DeidScore/bin/Release/net10.0/Ricord.DeidScore.dll" throughput --seconds "$seconds"
  echo "== round $round: this checkout ($(git -C "$root" rev-parse --short HEAD))"
  dotnet "$root/bench/Ricord.DeidScore/bin/Release/net10.0/Ricord.DeidScore.dll" throughput --seconds "$seconds"
done
echo "(remove the base tree with: git -C $root worktree remove --force $tree)"
