#!/bin/sh
# The k8s lab profile, run inside each lab host (chroot) when it starts. Makes a Debian lab host look enough like a
# fresh Ubuntu 22.04 node for playbooks/site.yml, WITHOUT a real Kubernetes: the packages the playbook installs come
# from local apt repositories of stand-in packages (see packages/), kernel modules, systemd units, kubeadm and
# kubectl are stand-ins that record every call in /var/log/jplay-lab/calls.log. SSH, files, apt/dpkg, handlers,
# delegation and tags are all real.
set -eu
profile="$(cd "$(dirname "$0")" && pwd)"
lab=/opt/jplay-lab
mkdir -p /var/log/jplay-lab /var/lib/jplay-lab "$lab/archive" "$lab/k8s"

# no kernel modules are "loaded" yet: modprobe (stand-in) marks them in this tmpfs
mount -t tmpfs -o mode=0755 tmpfs /sys/module

# the distribution's repositories are unreachable: keep only local ones
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] && mv "$f" "$f.jplay-lab-disabled"
done

# a fresh node has none of the cluster's packages (this machine may have some, e.g. kubectl from another repository)
for pkg in $(grep -v '^#' "$profile/packages/versions" | cut -d' ' -f1 | sort -u); do
  dpkg -s "$pkg" >/dev/null 2>&1 && dpkg --purge --force-depends "$pkg" >/dev/null 2>&1 || true
done

# stand-in packages, built into flat repositories: "archive" (the distribution) and "k8s/vX.Y" (pkgs.k8s.io, one
# repository per minor version, each with its signing key)
build=$(mktemp -d)
grep -v '^#' "$profile/packages/versions" | while read -r name version repo; do
  rm -rf "${build:?}/$name"; cp -a "$profile/packages/$name" "$build/$name"
  mkdir -p "$build/$name/DEBIAN" "$lab/$repo"
  [ "$name" = kubelet ] && mkdir -p "$build/$name/etc/kubernetes/manifests"  # the real package ships it, empty
  printf 'Package: %s\nVersion: %s\nArchitecture: all\nMaintainer: jplay lab <lab@jplay.invalid>\nDescription: %s (jplay lab stand-in)\n' \
    "$name" "$version" "$name" > "$build/$name/DEBIAN/control"
  dpkg-deb --root-owner-group -Zgzip -z1 --build "$build/$name" "$lab/$repo/${name}_$(echo "$version" | tr : _)_all.deb" >/dev/null
done
rm -rf "$build"
for repo in $(grep -v '^#' "$profile/packages/versions" | cut -d' ' -f3 | sort -u); do
  (cd "$lab/$repo" && dpkg-scanpackages -m . /dev/null 2>/dev/null > Packages)
  case "$repo" in k8s/*) echo "jplay lab stand-in signing key" > "$lab/$repo/Release.key";; esac
done
echo "deb [trusted=yes] file:$lab/archive ./" > /etc/apt/sources.list.d/jplay-lab-archive.list
apt-get update -qq -o Acquire::Languages=none >/dev/null 2>&1

# Ubuntu ships ufw enabled; swap is configured in fstab
dpkg -i "$lab"/archive/ufw_*.deb >/dev/null
grep -q ' swap ' /etc/fstab 2>/dev/null || echo "/swap.img	none	swap	sw	0	0" >> /etc/fstab

# the flannel manifest (only the parts the playbook edits matter here)
cat > "$lab/kube-flannel.yml" <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-flannel-cfg
  namespace: kube-flannel
data:
  net-conf.json: |
    {
      "Network": "10.244.0.0/16",
      "Backend": {
        "Type": "vxlan"
      }
    }
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: kube-flannel-ds
  namespace: kube-flannel
spec:
  template:
    spec:
      containers:
      - name: kube-flannel
        image: docker.io/flannel/flannel:v0.25.6
        command:
        - /opt/bin/flanneld
        args:
        - --ip-masq
        - --kube-subnet-mgr
YAML
