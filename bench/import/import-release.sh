#!/usr/bin/env bash
# Whole-process time and peak memory of `ricord import-ricord` on a synthetic release: radiographs (RICORD-1C-like,
# 3 readers per study + adjudication) and CT (RICORD-1A-like), each imported into its own collection, identifiers as
# published. The release comes from `ricord synth`; its files are split by the truth into a CXR and a CT folder.
# Usage: bench/import/import-release.sh [CXR_PATIENTS [CT_PATIENTS [SLICES [CXR_SIZE]]]]
#   defaults 568 218 96 1024: about 1,000 radiograph studies (synth gives 1.76 studies per radiograph patient on average)
#   and about 240 CT studies (1.1 per CT patient), each with two 96-slice axial series (3.125 mm, soft tissue and lung
#   kernels), a 12-image coronal reformat and a scout: ~205 images, ~100 MB per CT study, ~25 GB for the CT release.
# Needs about twice the release's size on disk (the release, plus the catalog's blobs); checked before it starts.
# Prints, per import: instances, studies, reads, wall time, user+sys CPU and peak RSS (/usr/bin/time), and the load
# (sampled every 10 s while it runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
cxr=${1:-568} ct=${2:-218} slices=${3:-96} size=${4:-1024}
dotnet build src/Ricord.Cli -c Release -v q -nologo >/dev/null
cli=src/Ricord.Cli/bin/Release/net10.0/Ricord.Cli.dll
work=${RICORD_BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
trap '[ -z "${RICORD_BENCH_KEEP:-}" ] && rm -rf "$work"' EXIT
need_gb=$(( (ct * 11 / 10 * (2 * slices + slices / 8 + 1) / 2 + cxr * 18 / 10 * 3) * 2 / 1000 + 2 ))
free_gb=$(df -BG --output=avail "$work" | tail -1 | tr -dc 0-9)
echo "disk: $free_gb GB free, about $need_gb GB needed"
[ "$free_gb" -gt "$need_gb" ] || { echo "not enough disk space under $work"; exit 1; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
(while sleep 10; do cut -d' ' -f1 /proc/loadavg; done) > "$work/load.samples" &
sampler=$!
trap 'kill $sampler 2>/dev/null; [ -z "${RICORD_BENCH_KEEP:-}" ] && rm -rf "$work"' EXIT
/usr/bin/time -f "synth: %e s wall, %M KB peak RSS" dotnet "$cli" synth "$work/synth" --sites 1 --cxr-patients "$cxr" --ct-patients "$ct" \
  --slices "$slices" --cxr-size "$size" --reader-accuracy 0.8 >/dev/null
/usr/bin/python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
truth = json.load(open(os.path.join(work, "synth", "truth", "truth.json")))
for kind, key in (("cxr", "cxrStudies"), ("ct", "ctStudies")):
    n = 0
    for study in truth[key]:
        for series in study["series"]:
            if series.get("kind") == "DoseReport":
                continue  # a published release leaves the dose screens out
            for f in series["files"]:
                target = os.path.join(work, kind, f)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.link(os.path.join(work, "synth", f), target)
                n += 1
    print(f"{kind}: {len(truth[key])} studies, {n} instances")
PY
for kind in cxr ct; do
  release=$([ "$kind" = cxr ] && echo MIDRC-RICORD-1C || echo MIDRC-RICORD-1A)
  sync
  /usr/bin/time -o "$work/$kind.time" -f "$kind import-ricord: %e s wall, %U s user, %S s sys, %M KB peak RSS" dotnet "$cli" import-ricord \
    --annotations "$work/synth/annotations/$kind-mdai.json" --images "$work/$kind" --collection "$release" --site 419639 \
    --as bench --data "$work/data" > "$work/$kind.log" 2>&1 || echo "$kind import-ricord exit $? (see below)"
  grep -E "^images:|^annotations:|^plan:|imported, |^import-ricord:" "$work/$kind.log" || true
  cat "$work/$kind.time"
done
# The floor: what any import must do at least, reading every input file once and hashing it (one core).
for kind in cxr ct; do
  /usr/bin/time -f "$kind floor (read + SHA-256 of every input file once): %e s wall, %U s user, %S s sys" \
    sh -c "find '$work/$kind' -type f -print0 | xargs -0 cat | sha256sum > /dev/null"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); 1-minute load while it ran: $(sort -n "$work/load.samples" | awk '{a[NR]=$1; s+=$1} END {if (NR) printf "mean %.1f, min %s, max %s (%d samples)", s/NR, a[1], a[NR], NR}')"
du -sh "$work/synth" "$work/data" 2>/dev/null || true
