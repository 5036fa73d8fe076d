# jplay's subversion module on the host: ansible.builtin.subversion's logic (checkout, export, switch, update, revert
# with force, in_place) in POSIX sh, one round trip. Parameters come as shell variables set before this text (see
# Subversion.java); a password goes to svn on stdin (--password-from-stdin), never on its command line. Results are
# printed as fields: a line "$M NAME", then the value, then a newline.
TD=$(mktemp -d "${TMPDIR:-/tmp}/jplay-svn-XXXXXX") || exit 1
trap 'rm -rf "$TD"' EXIT
emit() { printf '%s %s\n%s\n' "$M" "$1" "$2"; }
fail() { emit msg "$1"; emit failed 1; exit 0; }
done_() { emit changed "$1"; exit 0; }
q() {
  case $1 in
    '') printf "''" ;;
    *[!A-Za-z0-9_@%+=:,./-]*) printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\"'\"'/g")" ;;
    *) printf '%s' "$1" ;;
  esac
}
# the locale Ansible's get_best_parsable_locale picks, for svn's messages
L=C
if A=$(locale -a 2>/dev/null); then
  for l in C.utf8 C.UTF-8 en_US.utf8 en_US.UTF-8 C POSIX; do
    if printf '%s\n' "$A" | grep -qx "$l"; then L=$l; break; fi
  done
fi
export LANG="$L" LC_MESSAGES="$L"
case $DEST in "~") DEST=$HOME ;; "~/"*) DEST=$HOME/${DEST#"~/"} ;; esac
if [ -z "$SVN" ]; then
  P=$PATH
  for d in /sbin /usr/sbin /usr/local/sbin; do case ":$P:" in *":$d:"*) ;; *) [ -e "$d" ] && P=$P:$d ;; esac; done
  SVN=$(PATH=$P command -v svn 2>/dev/null)
  case $SVN in /*) ;; *) fail "Failed to find required executable \"svn\" in paths: $P" ;; esac
fi
if [ -n "$PASSWORD" ]; then
  v=$("$SVN" --version --quiet 2>/dev/null)
  if ! awk -v a="$v" 'BEGIN { split(a, x, "."); exit !(x[1] > 1 || (x[1] == 1 && x[2] >= 10)) }'; then
    fail "svn $v cannot read the password from stdin (--password-from-stdin needs svn 1.10 or later), and jplay does not put passwords on command lines"
  fi
fi
# svn ARGS...: svn with the module's global options; sets R, O (stdout), E (stderr), C (the command, quoted)
svn_() {
  [ -n "$PASSWORD" ] && set -- --password-from-stdin "$@"
  [ -n "$USERNAME" ] && set -- --username "$USERNAME" "$@"
  [ "$VALIDATE" = 1 ] || set -- --trust-server-cert "$@"
  set -- "$SVN" --non-interactive --no-auth-cache "$@"
  if [ -n "$PASSWORD" ]; then printf '%s\n' "$PASSWORD" | "$@" > "$TD/o" 2> "$TD/e"; else "$@" < /dev/null > "$TD/o" 2> "$TD/e"; fi
  R=$?
  O=$(cat "$TD/o"; printf x); O=${O%x}; E=$(cat "$TD/e"; printf x); E=${E%x}
  C=; for w in "$@"; do C="$C${C:+ }$(q "$w")"; done
}
# must ARGS...: svn_, failing as run_command(check_rc=True) does
must() {
  svn_ "$@"
  [ "$R" = 0 ] && return 0
  emit rc "$R"; emit stdout "$O"; emit stderr "$E"; emit cmd "$C"
  fail "$(printf '%s' "$E" | sed -e ':a' -e '$!{N;ba' -e '}' -e 's/[[:space:]]*$//')"
}
revline() { grep -m 1 -E '^[[:alnum:]_]+ ?:[[:space:]]+[0-9]+$' "$TD/o" || printf '%s\n' "$1"; }
# revision KEY: the working copy's "Revision: N" and "URL: ..." lines as fields KEY_rev, KEY_url
revision() {
  must info "$DEST"
  emit "$1_rev" "$(revline 'Unable to get revision')"
  emit "$1_url" "$(grep -m 1 -E '^URL ?:' "$TD/o" || echo 'Unable to get URL')"
}
# changes: switch/update output names a changed file
changes() { grep -qE '^[ABDUCGE][[:space:]]' "$TD/o"; }
local_mods() { must status --quiet --ignore-externals "$DEST"; grep -q '^[^?X]' "$TD/o"; }
if [ -z "$DEST" ] && { [ "$CHECKOUT" = 1 ] || [ "$UPDATE" = 1 ] || [ "$EXPORT" = 1 ]; }; then
  fail "the destination directory must be specified unless checkout=no, update=no, and export=no"
fi
if [ "$EXPORT" != 1 ] && [ "$UPDATE" != 1 ] && [ "$CHECKOUT" != 1 ]; then
  must info "$REPO"
  emit after "$(revline 'Unable to get remote revision')"
  done_ 0
fi
FC=0; LM=0
if [ "$EXPORT" = 1 ] || [ ! -e "$DEST" ]; then
  emit before_none 1
  [ "$CHECK" = 1 ] && { emit only_changed 1; done_ 1; }
  [ "$EXPORT" != 1 ] && [ "$CHECKOUT" != 1 ] && { emit only_changed 1; done_ 0; }
  if [ "$EXPORT" != 1 ]; then must checkout -r "$REV" "$REPO" "$DEST"
  elif [ "$FORCE" = 1 ]; then must export --force -r "$REV" "$REPO" "$DEST"
  else must export -r "$REV" "$REPO" "$DEST"; fi
  FC=1
else
  svn_ info "$DEST"
  if [ "$R" = 0 ]; then
    [ "$UPDATE" = 1 ] || { emit only_changed 1; done_ 0; }
    if [ "$CHECK" = 1 ]; then
      if local_mods && [ "$FORCE" != 1 ]; then fail "ERROR: modified files exist in the repository."; fi
      must info "$DEST"; cur=$(revline 'Unable to get revision')
      must info -r "$REV" "$DEST"; head=$(revline 'Unable to get revision')
      emit before "$cur"; emit after "$head"
      c=$(printf '%s' "${cur#*:}" | tr -d ' \t'); h=$(printf '%s' "${head#*:}" | tr -d ' \t')
      if [ "$c" -lt "$h" ] 2>/dev/null; then done_ 1; else done_ 0; fi
    fi
    revision before
    if local_mods; then LM=1; fi
    if [ "$SWITCH" = 1 ]; then must switch --revision "$REV" "$REPO" "$DEST"; changes && FC=1; fi
    if [ "$LM" = 1 ]; then
      [ "$FORCE" = 1 ] || fail "ERROR: modified files exist in the repository."
      must revert -R "$DEST"
      grep -qv '^Reverted ' "$TD/o" && FC=1
    fi
    must update -r "$REV" "$DEST"; changes && FC=1
  elif [ "$INPLACE" = 1 ]; then
    emit before_none 1
    must checkout --force -r "$REV" "$REPO" "$DEST"
    FC=1
    if local_mods; then LM=1; [ "$FORCE" = 1 ] && must revert -R "$DEST"; fi
  else
    fail "ERROR: $DEST folder already exists, but its not a subversion repository."
  fi
fi
[ "$EXPORT" = 1 ] && { emit only_changed 1; done_ 1; }
revision after
if [ "$FC" = 1 ] || [ "$LM" = 1 ]; then done_ 1; else done_ 0; fi
