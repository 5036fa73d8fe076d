# jplay's pip module on the host (ansible.builtin.pip's steps in POSIX sh, one round trip). Variables set before
# this text by Pip.java; fields printed as "$M NAME", the value, a newline.
emit() { printf '%s %s\n%s\n' "$M" "$1" "$2"; }
die() { emit msg "$1"; emit failed 1; exit 0; }
T=$(mktemp -d "${TMPDIR:-/tmp}/jplay-pip-XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
# run DIR CMD...: sets R, O, E (raw)
run() {
  d=$1; shift
  ( if [ -n "$d" ] && [ -d "$d" ]; then cd "$d" || exit 1; fi; "$@" ) > "$T/o" 2> "$T/e"
  R=$?; O=$(cat "$T/o"; printf x); O=${O%x}; E=$(cat "$T/e"; printf x); E=${E%x}
}
# pip's own failure text: "stdout: OUT" and "\n:stderr: ERR"; $3 names the command that failed
fail_pip() { m=; [ -n "$1" ] && m="stdout: $1"; [ -n "$2" ] && m="$m
:stderr: $2"; emit failed_cmd "$3"; die "$m"; }
[ -n "$UMASK" ] && umask "$UMASK"
[ -n "$CHDIR" ] || CHDIR=${TMPDIR:-/tmp}
PYX=
for p in $PYC; do if x=$(command -v "$p" 2>/dev/null); then PYX=$x; break; fi; done
OUT=; ERR=
if [ -n "$VENV" ] && [ ! -e "$VENV/bin/activate" ]; then
  emit venv_created 1
  [ "$CHECK" = 1 ] && { emit changed 1; exit 0; }
  eval "set -- $VCMD"
  c0=$1; shift
  case $c0 in */*) ;; *) c=$(command -v "$c0" 2>/dev/null) || die "Failed to find required executable \"$c0\" in paths: $PATH"; c0=$c;; esac
  set -- "$c0" "$@"
  if [ "$VSITE" = 1 ]; then set -- "$@" --system-site-packages
  else
    run "" "$c0" --help
    [ "$R" = 0 ] || die "Could not get output from $c0 --help: $O$E"
    printf '%s' "$O" | tr -s ' \t' '\n\n' | grep -qx -- --no-site-packages && set -- "$@" --no-site-packages
  fi
  case $VCMD in
    *pyvenv*|*"-m venv"*) [ -n "$VPY" ] && die "virtualenv_python should not be used when using the venv module or pyvenv as virtualenv_command";;
    *) if [ -n "$VPY" ]; then set -- "$@" "-p$VPY"; elif [ -n "$PYX" ]; then set -- "$@" "-p$PYX"; fi;;
  esac
  set -- "$@" "$VENV"
  run "$CHDIR" "$@"; OUT=$O; ERR=$E
  [ "$R" = 0 ] || fail_pip "$OUT" "$ERR" "$*"
fi
if [ -n "$EXE" ]; then
  case $EXE in /*) set -- "$EXE";; *) x=$(command -v "$EXE" 2>/dev/null) || die "Unable to find any of $EXE to use.  pip needs to be installed."; set -- "$x";; esac
elif [ -z "$VENV" ] && [ -n "$PYX" ] && "$PYX" -c 'import importlib.util, sys; sys.exit(0 if importlib.util.find_spec("pip") else 1)' 2>/dev/null; then
  set -- "$PYX" -m pip.__main__
elif [ -z "$VENV" ]; then
  x=$(command -v pip3 2>/dev/null) || die "Unable to find any of pip3 to use.  pip needs to be installed."
  set -- "$x"
else
  if [ -x "$VENV/bin/pip3" ]; then set -- "$VENV/bin/pip3"; elif [ -x "$VENV/bin/pip" ]; then set -- "$VENV/bin/pip"
  else die "Unable to find pip in the virtualenv, $VENV, under any of these names: pip3, pip. Make sure pip is present in the virtualenv."; fi
fi
q() { printf "'%s' " "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
PIPQ=
for w in "$@"; do emit pip "$w"; PIPQ=$PIPQ$(q "$w"); done
# packages PIP...: the installed packages (pip list --format=freeze, or pip freeze): LC the command, LO/LE its output
packages() {
  run "$CHDIR" env LANG=C LC_ALL=C LC_MESSAGES=C "$@" list --format=freeze
  LC="$* list --format=freeze"
  if [ "$R" != 0 ]; then run "$CHDIR" "$@" freeze; LC="$* freeze"; [ "$R" = 0 ] || fail_pip "$O" "$E" "$LC"; fi
  LO=$O; LE=$E
}
if [ "$CHECK" = 1 ]; then
  [ "$LIST" = 1 ] && { packages "$@"; emit list_cmd "$LC"; }
  emit stdout "$OUT$LO"; emit stderr "$ERR$LE"; exit 0
fi
before=
[ "$FREEZE" = 1 ] && { packages "$@"; before=$LO; }
eval "set -- $PIPQ $ARGS"
[ -n "$VENV" ] && PATH=$VENV/bin:$PATH
run "$CHDIR" "$@"
emit pip_stdout "$O"; emit pip_stderr "$E"; emit stdout "$OUT$O"; emit stderr "$ERR$E"
if [ "$R" != 0 ]; then
  case "$O$E" in *"not installed"*) ni=1;; *) ni=0;; esac
  if [ "$R" = 1 ] && [ "$STATE" = absent ] && [ $ni = 1 ]; then :; else fail_pip "$OUT$O" "$ERR$E" "$*"; fi
fi
if [ "$FREEZE" = 1 ]; then
  eval "packages $PIPQ"
  [ "$before" = "$LO" ] || emit freeze_changed 1
fi
exit 0
