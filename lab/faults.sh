# Fault injection for lab hosts; sourced by lab/lab (which defines LAB, NSP, die, host_dir, wait_ssh). Each verb
# acts on one host and can be undone; `lab/lab down` undoes all of them. See `lab/lab` (no arguments) for the list.

PROXY_PORT=2222

host_ns() { echo "$NSP$1"; }
holder() { local d; d="$(host_dir "$1")"; [ -f "$d/holder.pid" ] || die "host $1 is stopped"; cat "$d/holder.pid"; }
host_veth() { awk '{print $3}' "$(host_dir "$1")/info"; }
host_addr() { awk '{print $2}' "$(host_dir "$1")/info"; }
# runs a command in the host's network, mount and UTS namespaces (paths inside the host start with $d/root)
in_host() { local h=$1; shift; nsenter -t "$(holder "$h")" -m -u -n -- "$@"; }

# every sshd of the host: the listener and the per-connection ones (open connections drop; the commands they ran
# keep running, as after `pkill -9 sshd` on a real machine)
sshd_kill() {
  local d; d="$(host_dir "$1")"
  for p in $(ip netns pids "$(host_ns "$1")" 2>/dev/null); do
    [ "$(cat "/proc/$p/comm" 2>/dev/null)" = sshd ] && kill -9 "$p" 2>/dev/null || true
  done
  rm -f "$d/sshd.pid"
}

sshd_start() {
  local h=$1 d; d="$(host_dir "$1")"
  [ -f "$d/sshd.pid" ] && kill -0 "$(cat "$d/sshd.pid")" 2>/dev/null && return 0
  setsid nsenter -t "$(holder "$h")" -m -u -n -- chroot "$d/root" /usr/sbin/sshd -D -e -f "$LAB/sshd_config" \
    </dev/null >/dev/null 2>>"$d/sshd.log" &
  echo $! > "$d/sshd.pid"
  wait_ssh "$h" "$(host_addr "$h")"
}

# a command that runs later, detached; its pid is kept so `down` and the undoing verb can cancel it
later() {
  local d=$1 secs=$2; shift 2
  setsid bash -c 'sleep "$1"; shift; "$@"' later "$secs" "$@" </dev/null >/dev/null 2>&1 &
  echo $! >> "$d/later.pids"
}

cancel_later() {
  local d=$1
  [ -f "$d/later.pids" ] || return 0
  while read -r p; do kill -9 "$p" 2>/dev/null || true; done < "$d/later.pids"
  rm -f "$d/later.pids"
}

# link down on the host's side of its veth: packets are dropped both ways, connections stay open (TCP retries)
fault_partition() {
  local h=$1 secs=${2:-} d; d="$(host_dir "$1")"
  ip link set "$(host_veth "$h")" down
  [ -z "$secs" ] || later "$d" "$secs" ip link set "$(host_veth "$h")" up
}

fault_heal() {
  cancel_later "$(host_dir "$1")"
  ip link set "$(host_veth "$1")" up
}

proxy_listens() { ip netns exec "$(host_ns "$1")" ss -ltnH "sport = :$PROXY_PORT" 2>/dev/null | grep -q .; }

# a delaying, dropping TCP proxy (lab/tcpproxy.py) in the host's network namespace on port $PROXY_PORT in front of its
# sshd; the lab inventory sends the host's SSH there until `lab/lab fast HOST`
fault_slow() {
  local h=$1 delay=${2:-200} loss=${3:-5} d; d="$(host_dir "$1")"
  fault_fast "$h"
  setsid ip netns exec "$(host_ns "$h")" python3 "$here/lab/tcpproxy.py" --listen "0.0.0.0:$PROXY_PORT" --connect 127.0.0.1:22 \
    --delay-ms "$delay" --loss "$loss" --cut-file "$d/proxy.cut" </dev/null >/dev/null 2>>"$d/proxy.log" &
  echo $! > "$d/proxy.pid"
  local t=0
  until proxy_listens "$h"; do
    t=$((t + 1)); [ $t -lt 100 ] || die "the proxy for $h did not start; see $d/proxy.log"
    sleep 0.05
  done
  sed -i "s/^\($h ansible_host=[^ ]*\).*/\1 ansible_port=$PROXY_PORT/" "$LAB/inventory"
}

fault_fast() {
  local h=$1 d t=0; d="$(host_dir "$1")"
  [ -f "$d/proxy.pid" ] && kill -9 "$(cat "$d/proxy.pid")" 2>/dev/null || true
  # until its listener is gone: slow's readiness check would take a dying proxy's socket for the new one's, whose
  # bind then fails (a cut run's second slow saw "Connection refused" on the proxy port)
  while proxy_listens "$h"; do
    t=$((t + 1)); [ $t -lt 100 ] || die "the proxy for $h did not stop"
    sleep 0.05
  done
  rm -f "$d/proxy.pid" "$d/proxy.cut"
  sed -i "s/^\($h ansible_host=[^ ]*\).*/\1/" "$LAB/inventory"
}

# cuts the proxied connections of a slowed host once BYTES more bytes went towards the host (0: now); once
fault_cut() {
  local h=$1 bytes=${2:-0} d; d="$(host_dir "$1")"
  [ -f "$d/proxy.pid" ] || die "cut needs the proxy: lab/lab slow $h [DELAY_MS [LOSS_PCT]] first (slow $h 0 0: no delay)"
  echo "$bytes" > "$d/proxy.cut"
  kill -USR1 "$(cat "$d/proxy.pid")"
}

# a small file system at DIR on the host (a tmpfs of SIZE, e.g. 2m), holding a copy of what DIR held
disk_small() {
  local h=$1 dir=$2 size=$3 d; d="$(host_dir "$1")"
  [ -n "$size" ] || die "usage: lab disk-small HOST DIR SIZE"
  local r="$d/root$dir"
  in_host "$h" sh -c 'mkdir -p "$1" && t=$(mktemp -d) && cp -a "$1/." "$t/" && mount -t tmpfs -o size="$2",mode="$(stat -c %a "$1")" tmpfs "$1" \
    && cp -a "$t/." "$1/"; s=$?; rm -rf "$t"; exit $s' disk "$r" "$size"
}

disk_restore() {
  local h=$1 dir=$2 d; d="$(host_dir "$1")"
  in_host "$h" umount "$d/root$dir"
}

# `lab/lab down` and `lab/lab stop` cancel what the verbs above left running outside the host
faults_cleanup() {
  local d=$1
  cancel_later "$d"
  rm -f "$d/proxy.pid" "$d/proxy.cut" "$d/sshd.pid" "$d/holder.pid"
}
