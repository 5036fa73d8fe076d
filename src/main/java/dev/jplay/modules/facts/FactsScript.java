package dev.jplay.modules.facts;

/**
 * The one shell script {@code setup} runs: it prints {@code section<TAB>value} lines with everything the facts need,
 * using only POSIX sh, coreutils, {@code ip} and {@code /proc} and {@code /sys}; python3 and capsh are asked only
 * when present (for {@code ansible_python} and the capability facts). {@code $1} is the local facts directory.
 */
final class FactsScript {
    private FactsScript() {}

    static final String SCRIPT = String.join("\n",
            "p() { printf '%s\\t%s\\n' \"$1\" \"$2\"; }",
            "f() { [ -r \"$2\" ] && while IFS= read -r l || [ -n \"$l\" ]; do p \"$1\" \"$l\"; done < \"$2\"; }",
            "p uname_n \"$(uname -n)\"; p uname_r \"$(uname -r)\"; p uname_v \"$(uname -v)\"; p uname_m \"$(uname -m)\"; p uname_s \"$(uname -s)\"",
            "p hostname \"$(hostname 2>/dev/null || uname -n)\"; p fqdn \"$(hostname -f 2>/dev/null || hostname 2>/dev/null)\"",
            "p user \"$(id -un)\"; p uid \"$(id -u)\"; p gid \"$(id -g)\"; p ruid \"$(id -ru)\"; p rgid \"$(id -rg)\"; p home \"$HOME\"",
            "p passwd \"$(getent passwd \"$(id -un)\" 2>/dev/null)\"",
            "f osr /etc/os-release; f lsbr /etc/lsb-release",
            "command -v lsb_release >/dev/null 2>&1 && lsb_release -a 2>/dev/null | while IFS= read -r l; do p lsb \"$l\"; done",
            "[ -r /etc/debian_version ] && p debian_version \"$(cat /etc/debian_version)\"",
            "for r in /etc/redhat-release /etc/centos-release /etc/alpine-release /etc/SuSE-release; do [ -r $r ] && p release_file \"$r|$(head -1 $r)\"; done",
            "f mem /proc/meminfo",
            "p nproc \"$(nproc 2>/dev/null || grep -c ^processor /proc/cpuinfo)\"",
            "[ -r /proc/cpuinfo ] && grep -E '^(processor|vendor_id|model name|physical id|core id|cpu cores|siblings|Processor|cpu|machine)[[:space:]]*:' /proc/cpuinfo | while IFS= read -r l; do p cpu \"$l\"; done",
            "command -v ip >/dev/null 2>&1 && { ip -o addr show 2>/dev/null | while IFS= read -r l; do p addr \"$l\"; done;",
            "  ip -o link show 2>/dev/null | while IFS= read -r l; do p link \"$l\"; done;",
            "  ip -4 route get 8.8.8.8 2>/dev/null | head -1 | while IFS= read -r l; do p route4 \"$l\"; done;",
            "  ip -4 route show default 2>/dev/null | head -1 | while IFS= read -r l; do p defroute4 \"$l\"; done;",
            "  ip -6 route get 2404:6800:400a:800::1012 2>/dev/null | head -1 | while IFS= read -r l; do p route6 \"$l\"; done; }",
            "for d in /sys/class/net/*; do n=${d##*/}; p netsys \"$n|$(cat $d/speed 2>/dev/null)|$(cat $d/flags 2>/dev/null)|$(cat $d/type 2>/dev/null)|$([ -e $d/bridge ] && echo bridge)$([ -e $d/bonding ] && echo bonding)|$(readlink $d/device/driver/module 2>/dev/null)\"; done",
            "d=$(date +'%Y-%m-%d|%H|%M|%S|%s|%Z|%z|%A|%w|%W|%B|%d|%m|%N|%Y'); p date \"$d\"; e=$(echo \"$d\" | cut -d'|' -f5)",
            "p date_utc \"$(date -u -d @$e +%Y-%m-%dT%H:%M:%S 2>/dev/null || date -u +%Y-%m-%dT%H:%M:%S)\"",
            "p pid1 \"$(cat /proc/1/comm 2>/dev/null)\"; p init \"$(readlink /sbin/init 2>/dev/null)\"",
            "[ -d /run/systemd/system ] && p systemd_booted 1",
            "for m in apt-get dnf yum zypper pacman apk; do command -v $m >/dev/null 2>&1 && { p pkgmgr $m; break; }; done",
            "p uptime \"$(cut -d' ' -f1 /proc/uptime 2>/dev/null)\"; p loadavg \"$(cat /proc/loadavg 2>/dev/null)\"",
            "f dns /etc/resolv.conf",
            "[ -d /sys/kernel/security/apparmor ] && p apparmor_dir 1",
            "p selinux \"$(command -v getenforce >/dev/null 2>&1 && getenforce 2>/dev/null)\"",
            "for k in bios_date bios_vendor bios_version board_asset_tag board_name board_serial board_vendor board_version chassis_asset_tag "
                    + "chassis_serial chassis_vendor chassis_version chassis_type product_name product_serial product_uuid product_version product_family sys_vendor; do",
            "  v=$(cat /sys/devices/virtual/dmi/id/$k 2>/dev/null) && p dmi \"$k=$v\"; done",
            "env | while IFS= read -r l; do p env \"$l\"; done",
            "p cmdline \"$(cat /proc/cmdline 2>/dev/null)\"",
            "p fips \"$(cat /proc/sys/crypto/fips_enabled 2>/dev/null)\"",
            "p machine_id \"$(cat /etc/machine-id 2>/dev/null || cat /var/lib/dbus/machine-id 2>/dev/null)\"",
            "p iscsi \"$(grep -s '^InitiatorName=' /etc/iscsi/initiatorname.iscsi | cut -d= -f2-)\"",
            "p hostnqn \"$(cat /etc/nvme/hostnqn 2>/dev/null)\"",
            "p chroot \"$(stat -c '%d:%i' / 2>/dev/null)|$(stat -c '%d:%i' /proc/1/root/. 2>/dev/null)|$(stat -f -c %T / 2>/dev/null)\"",
            "p bits \"$(getconf LONG_BIT 2>/dev/null)\"",
            "for k in /etc/ssh/ssh_host_*_key.pub; do [ -r \"$k\" ] && p sshkey \"${k##*/}|$(cat \"$k\")\"; done",
            "command -v capsh >/dev/null 2>&1 && p caps \"$(capsh --print 2>/dev/null | grep '^Current:')\"",
            "for py in /usr/bin/python3 python3 /usr/libexec/platform-python; do command -v $py >/dev/null 2>&1 && { p python_path \"$(command -v $py)\";",
            "  $py -c 'import sys,json,platform\ntry:\n import ssl; s=hasattr(ssl,\"SSLContext\")\nexcept Exception: s=False\n"
                    + "try:\n import selinux; se=True\nexcept Exception: se=False\nv=sys.version_info\n"
                    + "print(json.dumps({\"executable\":sys.executable,\"has_sslcontext\":s,\"type\":platform.python_implementation(),"
                    + "\"version\":{\"major\":v[0],\"minor\":v[1],\"micro\":v[2],\"releaselevel\":v[3],\"serial\":v[4]},\"version_info\":list(v),"
                    + "\"python_version\":platform.python_version(),\"selinux\":se}))' 2>/dev/null | while IFS= read -r l; do p python \"$l\"; done; break; }; done",
            "[ -r /proc/1/cgroup ] && f cgroup1 /proc/1/cgroup",
            "[ -r /proc/1/environ ] && tr '\\0' '\\n' < /proc/1/environ 2>/dev/null | grep '^container=' | while IFS= read -r l; do p environ1 \"$l\"; done",
            "for x in /proc/vz /proc/bc /proc/lve /.dockerenv /.dockerinit /proc/xen /dev/kvm; do [ -e $x ] && p exists $x; done",
            "p systemd_container \"$(cat /run/systemd/container 2>/dev/null)\"",
            "p xen_caps \"$(cat /proc/xen/capabilities 2>/dev/null)\"",
            "p vxid \"$(grep -s '^VxID:' /proc/self/status)\"",
            "[ -r /proc/modules ] && p modules \" $(cut -d' ' -f1 /proc/modules | tr '\\n' ' ')\"",
            "for b in /sys/block/*; do [ -e \"$b\" ] || continue; n=${b##*/}; q=$b/queue;",
            "  p blk \"$n|$(cat $b/removable 2>/dev/null)|$(cat $q/rotational 2>/dev/null)|$(cat $b/size 2>/dev/null)|$(cat $q/logical_block_size 2>/dev/null)"
                    + "|$(cat $q/scheduler 2>/dev/null)|$(cat $q/discard_granularity 2>/dev/null)|$(cat $b/device/model 2>/dev/null)|$(cat $b/device/vendor 2>/dev/null)"
                    + "|$(readlink -f $b)|$(ls $b/holders 2>/dev/null | tr '\\n' ' ')|$(cat $q/physical_block_size 2>/dev/null)\"",
            "  for pt in $b/$n*; do [ -e \"$pt/start\" ] && p part \"$n|${pt##*/}|$(cat $pt/start)|$(cat $pt/size)|$(ls $pt/holders 2>/dev/null | tr '\\n' ' ')\"; done; done",
            "for k in ids labels uuids; do for l in /dev/disk/by-${k%s}/* /dev/disk/by-$k/*; do [ -L \"$l\" ] && p dlink \"$k|${l##*/}|$(readlink -f \"$l\")\"; done; done 2>/dev/null",
            "grep -v '^#' /etc/mtab 2>/dev/null | while IFS= read -r l; do set -- $l; case \"$1\" in /*|*:/*) p mnt \"$l|$(stat -f -c '%S %b %f %a %c %d' \"$2\" 2>/dev/null)\";; esac; done",
            "command -v lsblk >/dev/null 2>&1 && lsblk -rno NAME,UUID 2>/dev/null | while IFS= read -r l; do p lsblk \"$l\"; done",
            "command -v vgs >/dev/null 2>&1 && [ \"$(id -u)\" = 0 ] && p lvm yes",
            "[ -n \"$1\" ] && [ -d \"$1\" ] && for x in \"$1\"/*.fact; do [ -e \"$x\" ] || [ -L \"$x\" ] || continue;",
            "  if [ ! -e \"$x\" ]; then o=\"JPLAY_FACT_NOSTAT:$x\"; elif [ -x \"$x\" ]; then o=$(\"$x\" 2>&1) || o=\"JPLAY_FACT_FAILED:$o\"; else o=$(cat \"$x\"); fi;",
            "  p localfact \"${x##*/}\"; printf '%s\\n' \"$o\" | while IFS= read -r l || [ -n \"$l\" ]; do p localline \"$l\"; done; done",
            "true");
}
