# jplay's iptables module on the host: ansible.builtin.iptables' decisions (flush, policy, chain management, a rule
# checked with -C, then appended, inserted or deleted) in POSIX sh, one round trip. Parameters come as shell
# variables set before this text (see Iptables.java); the rule's words come shell-quoted in RULE. Results are printed
# as fields: a line "$M NAME", then the value, then a newline.
export LANG=C LC_ALL=C
TD=$(mktemp -d "${TMPDIR:-/tmp}/jplay-ipt-XXXXXX") || exit 1
trap 'rm -rf "$TD"' EXIT
emit() { printf '%s %s\n%s\n' "$M" "$1" "$2"; }
fail() { emit msg "$1"; emit failed 1; exit 0; }
# q WORD: Python's shlex.quote, for the cmd of a failed command
q() {
  case $1 in
    '') printf "''" ;;
    *[!A-Za-z0-9_@%+=:,./-]*) printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\"'\"'/g")" ;;
    *) printf '%s' "$1" ;;
  esac
}
run() { "$@" < /dev/null > "$TD/o" 2> "$TD/e"; R=$?; }
# must ARGS...: run, failing as run_command(check_rc=True) does
must() {
  run "$@"
  [ "$R" = 0 ] && return 0
  O=$(cat "$TD/o"; printf x); O=${O%x}; E=$(cat "$TD/e"; printf x); E=${E%x}
  c=; for w in "$@"; do c="$c${c:+ }$(q "$w")"; done
  emit rc "$R"; emit stdout "$O"; emit stderr "$E"; emit cmd "$c"
  fail "$(printf '%s' "$E" | sed -e ':a' -e '$!{N;ba' -e '}' -e 's/[[:space:]]*$//')"
}
# ver_ge A B: version A >= B, numerically by dotted parts
ver_ge() {
  awk -v a="$1" -v b="$2" 'BEGIN { n = split(a, x, "."); m = split(b, y, "."); if (m > n) n = m
    for (i = 1; i <= n; i++) { if (x[i] + 0 > y[i] + 0) exit 0; if (x[i] + 0 < y[i] + 0) exit 1 }; exit 0 }'
}
P=$PATH
for d in /sbin /usr/sbin /usr/local/sbin; do case ":$P:" in *":$d:"*) ;; *) [ -e "$d" ] && P=$P:$d ;; esac; done
B=$(PATH=$P command -v "$BIN" 2>/dev/null)
case $B in /*) ;; *) fail "Failed to find required executable \"$BIN\" in paths: $P" ;; esac
[ -n "$PREFAIL" ] && fail "$PREFAIL"
must "$B" --version
V=$(sed -n '1{s/^[^v]*v//;s/[^0-9.].*//;p;}' "$TD/o")
W=
if [ "$WAITSET" = 1 ] && ver_ge "$V" 1.4.20 && ver_ge "$V" 1.6.0; then W=$WAIT; fi
eval "set -- $RULE"
[ -n "$W" ] && set -- -w "$W" "$@"
CH=0
case $MODE in
  flush)
    CH=1
    if [ "$CHECK" != 1 ]; then
      if [ "$CHAINSET" = 1 ]; then must "$B" -t "$TBL" -F "$CHAIN"; else must "$B" -t "$TBL" -F; fi
    fi ;;
  policy)
    must "$B" -t "$TBL" -L "$CHAIN"
    cur=$(sed -n '1s/.*(policy \([A-Z][A-Z]*\)).*/\1/p' "$TD/o")
    [ -n "$cur" ] || fail "Can't detect current policy"
    if [ "$cur" != "$POLICY" ]; then
      CH=1
      [ "$CHECK" = 1 ] || must "$B" -t "$TBL" -P "$CHAIN" "$POLICY"
    fi ;;
  chain)
    run "$B" -t "$TBL" -L "$CHAIN"
    if [ "$R" = 0 ]; then
      CH=1
      [ "$CM" = 1 ] && [ "$CHECK" != 1 ] && must "$B" -t "$TBL" -X "$CHAIN"
    fi ;;
  rule)
    run "$B" -t "$TBL" -C "$CHAIN" "$@"
    if [ "$R" = 0 ]; then RP=1; CP=1; else
      RP=0; run "$B" -t "$TBL" -L "$CHAIN"
      if [ "$R" = 0 ]; then CP=1; else CP=0; fi
    fi
    if [ "$RP" != "$SHOULD" ]; then
      CH=1
      if [ "$CHECK" != 1 ]; then
        if [ "$SHOULD" = 0 ]; then must "$B" -t "$TBL" -D "$CHAIN" "$@"
        else
          [ "$CP" = 0 ] && [ "$CM" = 1 ] && must "$B" -t "$TBL" -N "$CHAIN"
          if [ "$ACT" = insert ]; then must "$B" -t "$TBL" -I "$CHAIN" ${NUM:+"$NUM"} "$@"; else must "$B" -t "$TBL" -A "$CHAIN" "$@"; fi
        fi
      fi
    fi ;;
esac
emit changed "$CH"
