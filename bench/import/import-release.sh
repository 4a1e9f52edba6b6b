#!/usr/bin/env bash
# Whole-process time and peak memory of `ricord import-ricord` on a synthetic release: radiographs (RICORD-1C-like,
# 3 readers per study + adjudication) and CT (RICORD-1A-like), each imported into its own collection, identifiers as
# published. The release comes from `ricord synth`; its files are split by the truth into a CXR and a CT folder.
# Usage: bench/import/import-release.sh [CXR_PATIENTS [CT_PATIENTS [SLICES [CXR_SIZE]]]]
#   defaults 445 240 64 1024: about 1,000 radiograph studies (synth gives ~2.25 studies per patient) and 240 CT studies.
# Prints, per import: instances, studies, reads, wall time, user+sys CPU and peak RSS (/usr/bin/time), and the load.
set -euo pipefail
cd "$(dirname "$0")/../.."
cxr=${1:-445} ct=${2:-240} slices=${3:-64} size=${4:-1024}
dotnet build src/Ricord.Cli -c Release -v q -nologo >/dev/null
cli=src/Ricord.Cli/bin/Release/net10.0/Ricord.Cli.dll
work=${RICORD_BENCH_DIR:-$(mktemp -d)}
trap '[ -z "${RICORD_BENCH_KEEP:-}" ] && rm -rf "$work"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
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
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
