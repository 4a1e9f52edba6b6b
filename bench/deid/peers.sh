#!/usr/bin/env bash
# Peers on the hard PHI corpus, same input, one run: gdcmanon (gdcm, Basic Profile), a dcmodify recipe (dcmtk, Basic
# Profile from Table E.1-1) and `ricord deid` (Basic Profile JSON, and the built-in RICORD profile). Each tool's output
# folder and log are scored by bench/Ricord.DeidScore against the profile it implements: planted values found in any
# output byte or log line, actions correct, and instances per second (whole process, wall clock, start-up included).
# `ricord deid` runs as shipped: the Release ReadyToRun build that ./ricord publishes into artifacts/cli.
# ROUNDS > 1 times the tools again, alternating, each run on a fresh output folder (and link table), and prints
# every run's wall seconds and the load average; scores come from the last round's outputs (SCORE=0: times only).
# usage: bench/deid/peers.sh [FILES=100] [SEED=14] [ROUNDS=1]  (results: bench/results/deid.md is written by hand from the output)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
files="${1:-100}"
seed="${2:-14}"
rounds="${3:-1}"
work="${WORK:-/tmp/ricord-deid-peers}"
dotnet build "$root/bench/Ricord.DeidScore" -c Release -nologo -v quiet "-clp:ErrorsOnly;NoSummary"
"$root/ricord" --version > /dev/null 2>&1 || true # publishes artifacts/cli when the sources are newer
cli="$root/artifacts/cli/Ricord.Cli.dll"
bin="$root/bench/Ricord.DeidScore/bin/Release/net10.0"
score() { dotnet "$bin/Ricord.DeidScore.dll" "$@" --seed "$seed" --files "$files"; }
rm -rf "$work" && mkdir -p "$work" && cd "$work"
score corpus in
TIMEFORMAT=%R
timed() { # NAME COMMAND...: runs it, output to NAME.log, wall seconds to NAME.time
  local name="$1"; shift
  { time "$@" > "$name.log" 2>&1 || true; } 2> "$name.time"
  echo "$name: $files files in $(cat "$name.time") s (load $(cut -d' ' -f1-3 /proc/loadavg))"
}

# gdcmanon refuses an input that already holds an Encrypted Attributes Sequence ("EncryptedContentTransferSyntax
# Attribute is present"): that one sequence is removed from its copy first (not timed). It then writes files that
# neither dcmdump nor Ricord can read (a data set inside defined-length UN comes out broken), so a second copy also
# lacks the Contributing Equipment Sequence that holds the UN places, to score its actions on everything else.
cp -r in gdcm-in && dcmodify -nb -ea "(0400,0500)" gdcm-in/*.dcm > /dev/null 2>&1
cp -r in gdcm-in2 && dcmodify -nb -ea "(0400,0500)" -ea "(0018,A001)" gdcm-in2/*.dcm > /dev/null 2>&1
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -subj /CN=ricord-bench -days 2 > /dev/null 2>&1
peers() { # the timed runs of one round, each into a fresh output folder
  rm -rf gdcm-out gdcm-out2 dcmodify-out ricord-basic-out ricord-out secrets-basic secrets-ricord
  timed gdcmanon gdcmanon -e -c cert.pem -i gdcm-in -o gdcm-out -r --continue
  timed gdcmanon2 gdcmanon -e -c cert.pem -i gdcm-in2 -o gdcm-out2 -r --continue
  cp -r in dcmodify-out
  timed dcmodify dcmodify "${recipe[@]}" dcmodify-out/*.dcm
  mkdir -p secrets-basic secrets-ricord
  timed ricord-basic dotnet "$cli" deid in ricord-basic-out --collection RICORD-SCORE --site 990001 --profile basic.json --link-table secrets-basic/link.db
  timed ricord dotnet "$cli" deid in ricord-out --collection RICORD-SCORE --site 990001 --link-table secrets-ricord/link.db
}

/usr/bin/python3 "$root/bench/deid/dcmodify-recipe.py" "$root/tests/Ricord.DeidScoring/Data/confidentiality_profile_attributes.json" \
  /work/shared/standard/attributes.json > recipe.args
mapfile -t recipe < recipe.args
echo '{"name": "Basic", "description": "PS3.15 Basic Profile, no options"}' > basic.json
for round in $(seq "$rounds" -1 1); do
  echo "== round $round ($(nproc) cores)"
  peers
done

[[ "${SCORE:-1}" == 1 ]] || exit 0
score score-dir gdcm-out --tool gdcmanon --profile basic --log gdcmanon.log
score score-dir gdcm-out2 --tool "gdcmanon (input without (0018,A001))" --profile basic --log gdcmanon2.log
score score-dir dcmodify-out --tool "dcmodify recipe" --profile basic --log dcmodify.log
score score-dir ricord-basic-out --tool "ricord deid" --profile basic.json --link-table secrets-basic/link.db --log ricord-basic.log
score score-dir ricord-out --tool "ricord deid" --profile ricord --link-table secrets-ricord/link.db --log ricord.log
