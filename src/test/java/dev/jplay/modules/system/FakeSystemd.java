package dev.jplay.modules.system;

import java.nio.file.Path;

/** A fake systemctl over {@code units} (lines {@code name activestate unitfilestate}). */
final class FakeSystemd {
    private FakeSystemd() {}

    static FakeHost install(Path dir, String units) {
        FakeHost h = new FakeHost(dir).file("units", units);
        h.tool("systemctl", """
                while case "$1" in --*) true;; *) false;; esac; do shift; done
                verb=$1; u=$2
                line=$(grep "^$u " $S/units); act=$(echo "$line" | cut -d' ' -f2); en=$(echo "$line" | cut -d' ' -f3)
                set_unit() { grep -v "^$u " $S/units > $S/u.new; echo "$u $1 $2" >> $S/u.new; mv $S/u.new $S/units; }
                case "$verb" in
                  daemon-reload|daemon-reexec) touch $S/$verb;;
                  show) if [ -z "$line" ]; then echo "Id=$u"; echo "LoadState=not-found"; echo "ActiveState=inactive"; exit 0; fi
                        [ "$en" = masked ] && load=masked || load=loaded
                        printf 'Id=%s\\nLoadState=%s\\nActiveState=%s\\nUnitFileState=%s\\nExecStart={ path=/usr/sbin/x ;\\n argv[]=/usr/sbin/x }\\n' "$u" "$load" "$act" "$en";;
                  is-enabled) [ -z "$line" ] && { echo "Failed to get unit file state for $u" >&2; exit 1; }
                        echo "$en"; case "$en" in enabled|static|alias) exit 0;; *) exit 1;; esac;;
                  start|restart|reload) [ -n "$line" ] || { echo "Unit $u not found." >&2; exit 5; }; [ "$en" = masked ] && { echo "Unit $u is masked." >&2; exit 1; }; set_unit active "$en";;
                  stop) set_unit inactive "$en";;
                  enable) set_unit "$act" enabled;; disable) set_unit "$act" disabled;;
                  mask) set_unit "$act" masked;; unmask) set_unit "$act" disabled;;
                esac""");
        return h;
    }
}
