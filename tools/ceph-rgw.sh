#!/usr/bin/env bash
# Copied from the workspace's shared/tools (the project's pinned test tooling) so that a clean clone can start it; test.sh uses it.
# A throwaway single-node Ceph cluster with the RADOS Gateway (S3 API) on loopback, for integration tests.
#   ceph-rgw.sh up DIR [PORT]   start it (installs Debian's ceph packages if missing); prints shell exports last
#   ceph-rgw.sh down DIR        stop the daemons it started and remove DIR
# One monitor, one manager, one OSD on memstore (RAM, no disk; data is gone at `down`), pool size 1, no
# authentication inside the cluster (cephx off: everything binds to 127.0.0.1). S3 clients still sign requests
# (SigV4, path-style) with the printed keys. Up in about 15 s; about 600 MB RSS. The monitor takes PORT+1.
# Tried on Debian 12 with Ceph 16.2.15: PUT/GET/HEAD/ranged GET/DELETE, multipart, ListObjectsV2 with
# continuation, wrong keys refused (InvalidAccessKeyId); two clusters side by side on different ports.
set -euo pipefail
cmd=${1:-}; dir=${2:-}
[[ $cmd == up || $cmd == down ]] && [[ -n $dir ]] || { echo "usage: $0 up DIR [PORT] | down DIR" >&2; exit 2; }

down() { # TERM each recorded daemon, give them 10 s, then KILL what is left
  local pids=(); [[ -f $1/pids ]] && mapfile -t pids <"$1/pids"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 20); do
    local alive=0; for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [[ $alive -eq 0 ]] && break; sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$1"
}
if [[ $cmd == down ]]; then down "$dir"; exit 0; fi

port=${3:-7480}
need=(ceph-mon ceph-osd ceph-mgr radosgw radosgw-admin monmaptool)
for b in "${need[@]}"; do
  command -v "$b" >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -q ceph-mon ceph-osd ceph-mgr radosgw ceph-common >/dev/null; break; }
done
mkdir -p "$dir"; dir=$(cd "$dir" && pwd); : >"$dir/pids"
mkdir -p "$dir"/{mon,osd,mgr,rgw,run,log}
monport=$((port + 1)) # the monitor listens beside the gateway (msgr v2 only)
fsid=$(cat /proc/sys/kernel/random/uuid)
conf=$dir/ceph.conf
cat >"$conf" <<CONF
[global]
fsid = $fsid
mon host = [v2:127.0.0.1:$monport]
public addr = 127.0.0.1
auth cluster required = none
auth service required = none
auth client required = none
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon data avail warn = 2
client mount timeout = 30
osd objectstore = memstore
memstore device bytes = 4294967296
run dir = $dir/run
admin socket = $dir/run/\$name.asok
log file = $dir/log/\$name.log
pid file = $dir/run/\$name.pid
[mon]
mon data = $dir/mon/\$cluster-\$id
[mgr]
mgr data = $dir/mgr/\$cluster-\$id
[osd]
osd data = $dir/osd/\$cluster-\$id
osd max object name len = 460
osd max object namespace len = 64
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$port
rgw data = $dir/rgw
rgw dns name = 127.0.0.1
# radosgw defaults to a cephx-secured monitor connection; with cephx off it must be told to use crc mode
ms mon client mode = crc
CONF
C=(-c "$conf")
fail() { echo "ceph-rgw: $1" >&2; tail -n 20 "$dir"/log/*.log 2>/dev/null >&2; [[ -n ${KEEP:-} ]] || down "$dir"; exit 1; }
started() { echo "$1" >>"$dir/pids"; }

# monitor
monmaptool --create --addv a "[v2:127.0.0.1:$monport]" --fsid "$fsid" "$dir/monmap" >/dev/null
ceph-authtool --create-keyring "$dir/mon.keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
ceph-mon "${C[@]}" --mkfs -i a --monmap "$dir/monmap" --keyring "$dir/mon.keyring" || fail "monitor mkfs failed"
ceph-mon "${C[@]}" -i a || fail "monitor did not start"
started "$(cat "$dir/run/mon.a.pid" 2>/dev/null || pgrep -n -f "ceph-mon .*-c $conf")"
timeout 30 ceph "${C[@]}" mon stat >/dev/null 2>&1 || fail "monitor does not answer"
# manager (health and pool autoscaling need it)
mkdir -p "$dir/mgr/ceph-x"
ceph-mgr "${C[@]}" -i x || fail "manager did not start"
sleep 1; started "$(cat "$dir/run/mgr.x.pid")"
# one OSD on memstore
id=$(ceph "${C[@]}" osd create)
mkdir -p "$dir/osd/ceph-$id"
ceph-osd "${C[@]}" -i "$id" --mkfs >>"$dir/log/osd-start.log" 2>&1 || fail "OSD mkfs failed"
ceph "${C[@]}" osd crush add "osd.$id" 1.0 host=localhost root=default >/dev/null 2>&1 || true
ceph-osd "${C[@]}" -i "$id" 2>>"$dir/log/osd-start.log" || fail "OSD did not start"
sleep 1; started "$(cat "$dir/run/osd.$id.pid")"
for _ in $(seq 60); do ceph "${C[@]}" osd stat 2>/dev/null | grep -q '1 up' && break; sleep 1; done
ceph "${C[@]}" osd stat | grep -q '1 up' || fail "OSD not up"
# gateway
timeout 60 radosgw "${C[@]}" -n client.rgw.a || fail "radosgw did not start"
sleep 1; started "$(cat "$dir/run/client.rgw.a.pid")"
for _ in $(seq 120); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 1; done
curl -s -o /dev/null "http://127.0.0.1:$port/" || fail "gateway does not answer on 127.0.0.1:$port"
key=$(head -c 15 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr a-f A-F | head -c 20)
secret=$(head -c 30 /dev/urandom | base64 | tr -d '/+=' | head -c 40)
radosgw-admin "${C[@]}" user create --uid=tests --display-name=tests --access-key="$key" --secret-key="$secret" >/dev/null \
  || fail "could not create the S3 user"
echo "export S3_ENDPOINT=http://127.0.0.1:$port S3_ACCESS_KEY=$key S3_SECRET_KEY=$secret S3_REGION=us-east-1"
