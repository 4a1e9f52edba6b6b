#!/usr/bin/env bash
# De-identification throughput, A/B in one run: this checkout's engine against BASE's (default 420f16f, the baseline
# recorded in bench/results/deid.md). The same measuring code (bench/Ricord.DeidScore/Throughput.cs and the corpus
# generator, from this checkout) is built twice, once against each src/Ricord, and the two are run alternately three
# times so that load on a shared machine hits both alike. Compare the medians as a ratio.
# With MODE=cpu (third argument), each round is `Ricord.DeidScore cpu` instead: CPU time and bytes allocated per Apply of
# the typical CT header (steadier than rates on a shared machine; SECONDS is then unused), ROUNDS alternating pairs.
# The base tree is a plain export (git archive) of BASE under /tmp, so no worktree is registered.
# usage: bench/deid/throughput-ab.sh [BASE=420f16f] [SECONDS=10] [MODE=rate|cpu] [ROUNDS=3]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
base="${1:-420f16f}"
seconds="${2:-10}"
mode="${3:-rate}"
rounds="${4:-3}"
tree="/tmp/ricord-deid-ab-$base"
if [[ ! -d "$tree" ]]; then
  mkdir -p "$tree"
  git -C "$root" archive "$base" | tar -x -C "$tree"
fi
scoring="$root/tests/Ricord.DeidScoring"
project() { # NAME SRC_ROOT: a throwaway project that compiles the measuring code against SRC_ROOT/src/Ricord
  local dir="/tmp/ricord-deid-ab-proj-$1"
  mkdir -p "$dir"
  cat > "$dir/ab.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings><InvariantGlobalization>true</InvariantGlobalization><AssemblyName>deid-ab</AssemblyName>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$2/src/Ricord/Ricord.csproj" />
    <Compile Include="$root/bench/Ricord.DeidScore/Throughput.cs;$root/bench/Ricord.DeidScore/TypicalCt.cs;$root/bench/Ricord.DeidScore/CpuMeasure.cs" />
    <Compile Include="$scoring/PhiCorpus*.cs;$scoring/Planter.cs;$scoring/Places.cs;$scoring/PathStep.cs;$scoring/PlantedValue.cs;$scoring/VRClass*.cs;$scoring/TableE11*.cs" />
    <EmbeddedResource Include="$scoring/Data/confidentiality_profile_attributes.json" LogicalName="Ricord.DeidScoring.TableE11.json" />
  </ItemGroup>
</Project>
XML
  echo 'return args[0] == "cpu" ? Ricord.DeidScore.CpuMeasure.Run() : Ricord.DeidScore.Throughput.Run(int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture), 14);' > "$dir/Program.cs"
  dotnet build "$dir/ab.csproj" -c Release -nologo -v quiet "-clp:ErrorsOnly;NoSummary" -p:TreatWarningsAsErrors=false > /dev/null
  echo "$dir/bin/Release/net10.0/deid-ab.dll"
}
a="$(project base "$tree")"
b="$(project head "$root")"
arg="$seconds"
[[ "$mode" == cpu ]] && arg=cpu
for round in $(seq 1 "$rounds"); do
  echo "== round $round: base $base (load $(cut -d' ' -f1-3 /proc/loadavg))"
  dotnet "$a" "$arg"
  echo "== round $round: this checkout ($(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- src || echo ' + uncommitted changes'); load $(cut -d' ' -f1-3 /proc/loadavg))"
  dotnet "$b" "$arg"
done
echo "(remove the base tree with: rm -rf $tree)"
