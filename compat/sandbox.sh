#!/usr/bin/env bash
# Runs a command in a throwaway root: called by compat/run inside `unshare --mount --uts --ipc --net --pid --fork`.
#   sandbox.sh DIR CWD CMD...
# Mounts an overlay of / (upper and work dirs under DIR) on DIR/root, with fresh /proc, /run and /dev/shm, a
# read-only /sys and a loopback-only network (/tmp is part of the overlay: paths under it stay visible), bind-mounts
# the files listed in DIR/binds ("SRC DST" per line, DST a path inside the root) and runs CMD in CWD inside it. Everything the command changes lands in DIR/upper and
# disappears with the namespaces when the last process exits; nothing reaches the machine.
set -euo pipefail
dir=$1 cwd=$2; shift 2
r="$dir/root"
mkdir -p "$dir/upper" "$dir/work" "$r"
mount --make-rprivate /
mount -t overlay overlay -o "lowerdir=/,upperdir=$dir/upper,workdir=$dir/work" "$r"
mount -t proc proc "$r/proc"
mount -t sysfs -o ro sysfs "$r/sys"
mount --rbind /dev "$r/dev"
mount -t tmpfs -o mode=1777 tmpfs "$r/dev/shm"
mount -t tmpfs -o mode=0755 tmpfs "$r/run"
ip link set lo up
if [ -f "$dir/binds" ]; then
  while read -r src dst; do
    [ -n "$src" ] || continue
    [ -e "$r$dst" ] || { mkdir -p "$(dirname "$r$dst")"; touch "$r$dst"; }
    mount --bind "$src" "$r$dst"
  done < "$dir/binds"
fi
exec chroot "$r" /bin/sh -c 'cd "$1" && shift && exec "$@"' sandbox "$cwd" "$@"
