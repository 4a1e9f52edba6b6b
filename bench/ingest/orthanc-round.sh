#!/usr/bin/env bash
# One Orthanc ingest round, meant to run as `unshare -n bash orthanc-round.sh DIR FILELIST CLIENTS`:
# a fresh Orthanc (SQLite index, defaults otherwise: SyncStorageArea=true) in DIR, listening only inside
# this loopback-only network namespace, fed by CLIENTS persistent HTTP clients from the same namespace.
# Prints: `files bytes post_seconds ok already failed sync_seconds stored_instances`.
set -euo pipefail
dir=$1 list=$2 clients=$3
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

ip link set lo up
# Refuse to run anywhere but a fresh namespace whose only interface is loopback.
if [ "$(ip -o link show | grep -vc ': lo:')" != 0 ]; then
  echo "orthanc-round: not in a loopback-only network namespace; refusing to start Orthanc" >&2
  exit 2
fi

rm -rf "$dir" && mkdir -p "$dir/storage" "$dir/index"
cat >"$dir/orthanc.json" <<EOF
{
  "Name": "ricord-ingest-bench",
  "StorageDirectory": "$dir/storage",
  "IndexDirectory": "$dir/index",
  "HttpPort": 8042,
  "DicomPort": 4242,
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false,
  "Plugins": [],
  "StorageCompression": false,
  "SyncStorageArea": true
}
EOF
Orthanc --logdir="$dir" "$dir/orthanc.json" >"$dir/stdout.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 600); do
  curl -sf http://127.0.0.1:8042/system >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "orthanc-round: Orthanc exited; see $dir" >&2; exit 1; }
  sleep 0.1
done
sync
result=$(/usr/bin/python3 "$here/orthanc-post.py" http://127.0.0.1:8042 "$list" "$clients")
s0=$(date +%s.%N); sync; s1=$(date +%s.%N)
stored=$(curl -sf http://127.0.0.1:8042/statistics | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["CountInstances"])')
echo "$result $(awk -v a="$s0" -v b="$s1" 'BEGIN { printf "%.3f", b - a }') $stored"
