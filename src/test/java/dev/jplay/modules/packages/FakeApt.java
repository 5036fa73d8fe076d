package dev.jplay.modules.packages;

import dev.jplay.modules.system.FakeHost;
import java.nio.file.Path;

/**
 * Fake dpkg-query, apt-get, apt-cache, apt-mark and dpkg-deb over two state files: {@code dpkg} (lines as
 * dpkg-query prints them: {@code name want ok status version}) and {@code avail} ({@code name version}).
 */
final class FakeApt {
    private FakeApt() {}

    static FakeHost install(Path dir) {
        FakeHost h = new FakeHost(dir);
        h.file("dpkg", "").file("avail", "");
        h.tool("dpkg-query", """
                for p in "$@"; do case "$p" in -*) continue;; esac; p=${p%%:*}
                  while read -r n rest; do case "$n" in $p) echo "$n $rest";; esac; done < $S/dpkg
                done""");
        h.tool("apt-mark", "true");
        h.tool("dpkg-deb", """
                case "$3" in Package) sed -n 1p "$2";; Version) sed -n 2p "$2";; esac""");
        h.tool("apt-cache", """
                if [ "$1" = pkgnames ]; then cut -d' ' -f1 $S/avail; exit 0; fi
                shift
                for p in "$@"; do
                  echo "$p:"
                  echo "  Installed: $(awk -v p="$p" '$1==p && $4=="installed" {print $5}' $S/dpkg)"
                  echo "  Candidate: $(awk -v p="$p" '$1==p {print $2}' $S/avail)"
                done""");
        h.tool("apt-get", """
                sim=; verb=; purge=; words=
                for a in "$@"; do case "$a" in
                  -s) sim=1;; --purge) purge=1;; -*|Dpkg::*|APT::*) ;;
                  install|remove|update|upgrade|dist-upgrade|build-dep|autoremove|autoclean) [ -z "$verb" ] && verb=$a || words="$words $a";;
                  *) words="$words $a";; esac; done
                case "$verb" in
                  update) touch $S/stamp; exit 0;;
                  upgrade|dist-upgrade|autoremove|build-dep) if [ -s $S/pending ]; then echo "1 upgraded, 0 newly installed, 0 to remove"; [ -n "$sim" ] || : > $S/pending
                     else echo "0 upgraded, 0 newly installed, 0 to remove"; fi; exit 0;;
                esac
                for w in $words; do
                  case "$w" in /*) n=$(sed -n 1p "$w"); v=$(sed -n 2p "$w");;
                    *=*) n=${w%%=*}; v=${w#*=};;
                    *) n=$w; v=$(awk -v p="$n" '$1==p {print $2}' $S/avail);; esac
                  if [ "$verb" = install ] && [ -z "$v" ]; then echo "E: Unable to locate package $n" >&2; exit 100; fi
                  [ -n "$sim" ] && { echo "Inst $n ($v)"; continue; }
                  grep -v "^$n " $S/dpkg > $S/dpkg.new; mv $S/dpkg.new $S/dpkg
                  if [ "$verb" = install ]; then echo "$n install ok installed $v" >> $S/dpkg
                  elif [ -z "$purge" ]; then echo "$n deinstall ok config-files $v" >> $S/dpkg; fi
                  echo "Setting up $n ($v) ..."
                done""");
        return h;
    }
}
