package dev.jplay.modules.commands;

/**
 * The one shell script {@code setup} runs: it prints tab-separated {@code section<TAB>value} lines with everything
 * the facts need, using only POSIX sh, coreutils, {@code ip} and {@code /proc}.
 */
final class FactsScript {
    private FactsScript() {}

    static final String SCRIPT = String.join("\n",
            "p() { printf '%s\\t%s\\n' \"$1\" \"$2\"; }",
            "p uname_n \"$(uname -n)\"; p uname_r \"$(uname -r)\"; p uname_v \"$(uname -v)\"; p uname_m \"$(uname -m)\"; p uname_s \"$(uname -s)\"",
            "p hostname \"$(hostname 2>/dev/null || uname -n)\"; p fqdn \"$(hostname -f 2>/dev/null || hostname 2>/dev/null)\"",
            "p user \"$(id -un)\"; p uid \"$(id -u)\"; p gid \"$(id -g)\"; p home \"$HOME\"",
            "p shell \"$(getent passwd \"$(id -un)\" 2>/dev/null | cut -d: -f7)\"",
            "[ -r /etc/os-release ] && while IFS= read -r l; do p osr \"$l\"; done < /etc/os-release",
            "[ -r /etc/debian_version ] && p debian_version \"$(cat /etc/debian_version)\"",
            "[ -r /proc/meminfo ] && grep -E '^(MemTotal|MemFree|SwapTotal|SwapFree|Buffers|Cached):' /proc/meminfo | while IFS= read -r l; do p mem \"$l\"; done",
            "p nproc \"$(nproc 2>/dev/null || grep -c ^processor /proc/cpuinfo)\"",
            "[ -r /proc/cpuinfo ] && p sockets \"$(grep '^physical id' /proc/cpuinfo | sort -u | wc -l)\" && p cores \"$(grep -m1 '^cpu cores' /proc/cpuinfo | cut -d: -f2)\"",
            "[ -r /proc/cpuinfo ] && p cpumodel \"$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2-)\"",
            "command -v ip >/dev/null 2>&1 && { ip -o -4 addr show 2>/dev/null | while IFS= read -r l; do p addr4 \"$l\"; done;",
            "  ip -o link show 2>/dev/null | while IFS= read -r l; do p link \"$l\"; done;",
            "  ip -4 route show default 2>/dev/null | head -1 | while IFS= read -r l; do p route \"$l\"; done; }",
            "p date \"$(date +'%Y-%m-%d|%H|%M|%S|%s|%Z|%z|%A|%u|%w|%U|%B|%y|%m|%d|%N')\"",
            "p pid1 \"$(cat /proc/1/comm 2>/dev/null)\"",
            "for m in apt-get dnf yum zypper pacman apk; do command -v $m >/dev/null 2>&1 && { p pkgmgr $m; break; }; done",
            "p uptime \"$(cut -d. -f1 /proc/uptime 2>/dev/null)\"",
            "[ -r /etc/resolv.conf ] && grep -E '^(nameserver|search|domain)' /etc/resolv.conf | while IFS= read -r l; do p dns \"$l\"; done",
            "p apparmor \"$(cat /sys/module/apparmor/parameters/enabled 2>/dev/null)\"",
            "p selinux \"$(command -v getenforce >/dev/null 2>&1 && getenforce 2>/dev/null)\"",
            "p virt \"$(cat /sys/class/dmi/id/product_name 2>/dev/null)\"",
            "env | while IFS= read -r l; do p env \"$l\"; done",
            "true");
}
