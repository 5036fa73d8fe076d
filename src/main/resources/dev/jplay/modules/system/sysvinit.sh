# jplay's sysvinit module on the host: ansible.builtin.sysvinit's logic (status from `service NAME status` or the
# init script, read the way Ansible reads it; enable through update-rc.d or chkconfig; start/stop/restart/reload)
# in POSIX sh, one round trip. Parameters come as shell variables set before this text (see Sysvinit.java); the
# init script's extra arguments come shell-quoted in ARGS. Results are printed as fields: a line "$M NAME", the value.
TD=$(mktemp -d "${TMPDIR:-/tmp}/jplay-sysv-XXXXXX") || exit 1
trap 'rm -rf "$TD"' EXIT
emit() { printf '%s %s\n%s\n' "$M" "$1" "$2"; }
fail() { emit msg "$1"; emit failed 1; exit 0; }
# run ARGS...: sets R, O, E (output kept whole, trailing newlines too)
run() {
  "$@" < /dev/null > "$TD/o" 2> "$TD/e"; R=$?
  O=$(cat "$TD/o"; printf x); O=${O%x}; E=$(cat "$TD/e"; printf x); E=${E%x}
}
# bin NAME: get_bin_path with opt_dirs /sbin /usr/sbin /bin /usr/bin, then PATH, then the sbin dirs
bin() {
  P=
  for d in /sbin /usr/sbin /bin /usr/bin; do [ -e "$d" ] && P=$P${P:+:}$d; done
  P=$P:$PATH
  for d in /sbin /usr/sbin /usr/local/sbin; do case ":$P:" in *":$d:"*) ;; *) [ -e "$d" ] && P=$P:$d ;; esac; done
  IFS=:; for d in $P; do
    [ -n "$d" ] && [ -e "$d/$1" ] && [ ! -d "$d/$1" ] && [ -x "$d/$1" ] && { unset IFS; printf '%s' "$d/$1"; return 0; }
  done
  unset IFS; return 1
}
# enabled_in GLOB-PREFIX: an S??NAME link exists
enabled_in() { for f in $1/S??"$NAME"; do [ -e "$f" ] && return 0; done; return 1; }
rcdir() { if [ -d /etc/rc0.d/ ]; then printf '/etc/rc%s.d' "$1"; else printf '/etc/init.d/rc%s.d' "$1"; fi; }
get_ps() {
  PS=$(bin ps) || fail "Failed to find required executable \"ps\" in paths: $P"
  "$PS" auxww < /dev/null > "$TD/ps" 2>/dev/null || return 1
  grep -qF -- "$1" "$TD/ps"
}
[ -e "$SCRIPTP" ] || fail "Could not find the requested service $NAME: "
R=0; O=; E=
STARTED=0; WORKED=0
if [ -n "$PATTERN" ]; then
  if get_ps "$PATTERN"; then STARTED=1; WORKED=1; fi
else
  if SVC=$(bin service); then run "$SVC" "$NAME" status; else run "$SCRIPTP" status; fi
  if [ "$NAME" = iptables ]; then case $O in *ACCEPT*) WORKED=1; STARTED=1 ;; esac; fi
  nl=$(printf '%s' "$O" | tr -cd '\n' | wc -c)
  if [ "$WORKED" = 0 ] && [ "$nl" -le 1 ]; then
    clean=$(printf '%s' "$O" | tr '[:upper:]' '[:lower:]' | awk -v n="$(printf '%s' "$NAME" | tr '[:upper:]' '[:lower:]')" '
      BEGIN { RS = "\001" } { s = $0; if (n != "") { r = ""; while ((i = index(s, n)) > 0) { r = r substr(s, 1, i - 1); s = substr(s, i + length(n)) } s = r s } printf "%s", s }')
    case $clean in *stop* | *"is dead "* | *"dead but "* | *"could not access pid file"* | *inactive*) WORKED=1 ;; esac
    if [ "$WORKED" = 0 ]; then
      case $clean in *"not "*) ;; *run* | *start* | *active*) STARTED=1; WORKED=1 ;; esac
    fi
  fi
  if [ "$WORKED" = 0 ]; then case $R in 1 | 2 | 3 | 4 | 69) WORKED=1 ;; esac; fi
  if [ "$WORKED" = 0 ]; then
    if [ "$R" = 0 ]; then STARTED=1; WORKED=1
    elif get_ps "$NAME"; then
      STARTED=1; WORKED=1
      emit warning "Used ps output to match service name and determine it is up, this is very unreliable"
    fi
  fi
fi
[ "$WORKED" = 1 ] || emit warning "Unable to determine if service is up, assuming it is down"
CHANGED=0; EC=0
if [ -n "$RUNLEVELS" ]; then
  for rl in $RUNLEVELS; do
    if enabled_in "$(rcdir "$rl")"; then now=1; else now=0; fi
    [ "$ENABLED" = "$now" ] || EC=1
  done
elif [ -n "$ENABLED" ]; then
  if enabled_in "$(rcdir '?')"; then now=1; else now=0; fi
  [ "$ENABLED" = "$now" ] || EC=1
fi
[ "$EC" = 1 ] && CHANGED=1
if [ "$CHECK" != 1 ] && [ "$EC" = 1 ]; then
  if [ "$ENABLED" = 1 ]; then onoff=on; upd=enable; else onoff=off; upd=disable; fi
  if U=$(bin update-rc.d); then
    if [ -n "$RUNLEVELS" ]; then
      # shellcheck disable=SC2086
      run "$U" "$NAME" "$upd" $RUNLEVELS
    elif [ "$ENABLED" = 1 ]; then run "$U" "$NAME" defaults
    else run "$U" "$NAME" disable; fi
  elif C=$(bin chkconfig); then
    if [ -n "$RUNLEVELS" ]; then run "$C" --level "$(printf '%s' "$RUNLEVELS" | tr -d ' ')" "$NAME" "$onoff"
    else run "$C" "$NAME" "$onoff"; fi
  fi
  emit en_rc "$R"; emit en_stdout "$O"; emit en_stderr "$E"
  case $E in *"illegal runlevel specified"*) emit en_changed 1; emit changed 1; fail "Illegal runlevel specified for enable operation on service $NAME" ;; esac
fi
emit en_changed "$EC"
# runme VERB: the init script with VERB and the arguments, failing as the module does
runme() {
  eval "set -- $ARGS"
  if [ "$DAEMONIZE" = 1 ]; then
    # detached as the module's daemonize does: a new session, cwd /, no stdin; its output and status still come back
    if command -v setsid > /dev/null 2>&1; then run sh -c 'cd / && exec setsid -w "$@" < /dev/null' sh "$SCRIPTP" "$VERB" "$@"
    else run sh -c 'cd / && exec "$@" < /dev/null' sh "$SCRIPTP" "$VERB" "$@"; fi
  else
    run "$SCRIPTP" "$VERB" "$@"
  fi
  [ "$R" = 0 ] || { emit rc "$R"; emit stdout "$O"; emit stderr "$E"; fail "Failed to $ACTION service: $NAME"; }
}
SC=0
if [ -n "$ACTION" ]; then
  if [ "$ACTION" = restart ]; then
    SC=1
    if [ "$CHECK" != 1 ]; then
      for VERB in stop start; do runme; [ "$SLEEP" -gt 0 ] 2>/dev/null && sleep "$SLEEP"; done
    fi
  else
    if [ "$ACTION" = start ]; then is_start=1; else is_start=0; fi
    if [ "$ACTION" = stop ]; then is_stop=1; else is_stop=0; fi
    if [ "$STARTED" != "$is_start" ] || [ "$STARTED" = "$is_stop" ]; then
      SC=1; VERB=$ACTION
      [ "$CHECK" = 1 ] || runme
    fi
  fi
  if [ "$CHECK" != 1 ] && [ "$SC" = 1 ]; then emit st_rc "$R"; emit st_stdout "$O"; emit st_stderr "$E"; fi
fi
[ "$SC" = 1 ] && CHANGED=1
emit st_changed "$SC"
emit changed "$CHANGED"
