package dev.jplay.modules.system;

import java.nio.file.Path;

/** Fake getent, id, useradd, usermod, userdel, chpasswd, groupadd, groupmod and groupdel over passwd/group/shadow files. */
final class FakeUsers {
    private FakeUsers() {}

    static FakeHost install(Path dir) {
        FakeHost h = new FakeHost(dir).file("passwd", "root:x:0:0:root:/root:/bin/bash\n")
                .file("group", "root:x:0:\nsudo:x:27:\ndocker:x:999:\n").file("shadow", "root:*:19000::::::\n");
        String lib = """
                field() { awk -F: -v OFS=: -v n="$1" -v i="$2" -v v="$3" '$1==n {$i=v} {print}' $S/passwd > $S/p.new; mv $S/p.new $S/passwd; }
                gidof() { case "$1" in *[!0-9]*) grep "^$1:" $S/group | cut -d: -f3;; *) echo "$1";; esac; }
                drop_member() { awk -F: -v OFS=: -v n="$1" '{m=","$4","; gsub(","n",", ",", m); gsub(/^,|,$/, "", m); $4=m; print}' $S/group > $S/g.new; mv $S/g.new $S/group; }
                shadow() { awk -F: -v OFS=: -v n="$1" -v i="$2" -v v="$3" '$1==n {$i=v} {print}' $S/shadow > $S/s.new; mv $S/s.new $S/shadow; }
                days() { [ -z "$1" ] && echo "" || echo $(( $(date -u -d "$1" +%s) / 86400 )); }
                add_member() { for g in $(echo "$2" | tr ',' ' '); do
                  awk -F: -v OFS=: -v n="$1" -v g="$g" '$1==g && (","$4",") !~ (","n",") {$4 = ($4=="" ? n : $4","n)} {print}' $S/group > $S/g.new; mv $S/g.new $S/group; done; }
                """;
        h.tool("getent", "grep \"^$2:\" $S/$1");
        h.tool("id", """
                [ "$1" = -Gn ] || exit 1; line=$(grep "^$2:" $S/passwd) || { echo "id: '$2': no such user" >&2; exit 1; }
                g=$(echo "$line" | cut -d: -f4); out=$(awk -F: -v g="$g" '$3==g {print $1}' $S/group)
                for x in $(awk -F: -v n="$2" '(","$4",") ~ (","n",") {print $1}' $S/group); do out="$out $x"; done; echo $out""");
        h.tool("useradd", lib + """
                uid=; gid=; groups=; comment=; home=; shell=/bin/sh; mk=
                while [ $# -gt 1 ]; do case "$1" in -u) uid=$2; shift 2;; -g) gid=$2; shift 2;; -G) groups=$2; shift 2;;
                  -c) comment=$2; shift 2;; -d) home=$2; shift 2;; -s) shell=$2; shift 2;; -k) shift 2;; -m) mk=1; shift;;
                  -e) exp=$(days "$2"); shift 2;; *) shift;; esac; done
                n=$1; grep -q "^$n:" $S/passwd && { echo "useradd: user '$n' already exists" >&2; exit 9; }
                [ -n "$uid" ] || uid=$((1000 + $(wc -l < $S/passwd)))
                if [ -z "$gid" ]; then gid=$uid; echo "$n:x:$gid:" >> $S/group; else gid=$(gidof "$gid"); fi
                [ -n "$home" ] || home=$S/home/$n
                echo "$n:x:$uid:$gid:$comment:$home:$shell" >> $S/passwd; echo "$n:!:19000:::::$exp:" >> $S/shadow
                [ -n "$mk" ] && mkdir -p "$home"; add_member "$n" "$groups"; true""");
        h.tool("usermod", lib + """
                n=$(eval echo \\${$#}); app=; groups=
                while [ $# -gt 1 ]; do case "$1" in -u) field "$n" 3 "$2"; shift 2;; -g) field "$n" 4 "$(gidof "$2")"; shift 2;;
                  -G) groups=$2; shift 2;; -a) app=1; shift;; -c) field "$n" 5 "$2"; shift 2;; -d) field "$n" 6 "$2"; shift 2;;
                  -s) field "$n" 7 "$2"; shift 2;; -e) shadow "$n" 8 "$(days "$2")"; shift 2;;
                  -L) h=$(grep "^$n:" $S/shadow | cut -d: -f2); shadow "$n" 2 "!${h#!}"; shift;;
                  -U) h=$(grep "^$n:" $S/shadow | cut -d: -f2); shadow "$n" 2 "${h#!}"; shift;; *) shift;; esac; done
                if [ -n "$groups" ]; then [ -n "$app" ] || drop_member "$n"; add_member "$n" "$groups"; fi""");
        h.tool("userdel", "n=$(eval echo \\${$#}); grep -v \"^$n:\" $S/passwd > $S/p.new; mv $S/p.new $S/passwd");
        h.tool("chpasswd", """
                IFS=: read -r n hash; awk -F: -v OFS=: -v n="$n" -v v="$hash" '$1==n {$2=v} {print}' $S/shadow > $S/s.new; mv $S/s.new $S/shadow""");
        h.tool("chown", "true");
        h.tool("ssh-keygen", """
                if [ "$1" = -l ]; then [ -f "$3" ] && echo "256 SHA256:fakeprint $(cut -d' ' -f3- "$3") (ED25519)" || echo "$3 is not a key file."; exit 0; fi
                while [ $# -gt 0 ]; do case "$1" in -f) f=$2; shift 2;; -C) c=$2; shift 2;; -t) t=$2; shift 2;; *) shift;; esac; done
                echo private > "$f"; echo "ssh-$t AAAAfake $c" > "$f.pub"
                """);
        h.tool("groupadd", """
                gid=; while [ $# -gt 1 ]; do case "$1" in -g) gid=$2; shift 2;; *) shift;; esac; done
                [ -n "$gid" ] || gid=$((2000 + $(wc -l < $S/group))); echo "$1:x:$gid:" >> $S/group""");
        h.tool("groupmod", """
                awk -F: -v OFS=: -v n="$3" -v g="$2" '$1==n {$3=g} {print}' $S/group > $S/g.new; mv $S/g.new $S/group""");
        h.tool("groupdel", "grep -v \"^$1:\" $S/group > $S/g.new; mv $S/g.new $S/group");
        return h;
    }
}
