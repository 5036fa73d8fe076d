# jplay's rpm_key module on the host (ansible.builtin.rpm_key's steps in POSIX sh, one round trip). Variables set
# before this text by RpmKey.java: KIND (url, text, id or path), KEY, STATE, FPR (normalised), INSECURE (1: curl -k),
# CHECK, DBPATH (tests: rpm --dbpath). Fields printed as "$M NAME", the value, a newline.
emit() { printf '%s %s\n%s\n' "$M" "$1" "$2"; }
die() { emit msg "$1"; emit failed 1; exit 0; }
# a command's stderr (in $T/e) as the failure message, trailing newline kept as Ansible keeps it
die_err() { v=$(cat "$T/e"; printf x); die "${v%x}"; }
LANG=C; LC_ALL=C; export LANG LC_ALL
rpmdb() { if [ -n "$DBPATH" ]; then rpm --dbpath "$DBPATH" "$@"; else rpm "$@"; fi; }
command -v rpm >/dev/null 2>&1 || die "Failed to find required executable \"rpm\" in paths: $PATH"
G=$(command -v gpg 2>/dev/null || command -v gpg2 2>/dev/null) || die "Failed to find required executable \"gpg2\" in paths: $PATH"
T=$(mktemp -d "${TMPDIR:-/tmp}/jplay-rpmkey-XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
# field TYPE N: field N of the first TYPE line of gpg's colon listing of $file (the module fails with gpg's stderr)
field() {
  "$G" --no-tty --batch --with-colons --fixed-list-mode --with-fingerprint "$file" >"$T/l" 2>"$T/e" || die_err
  v=$(awk -F: -v t="$1" -v n="$2" '$1 == t { print $n; exit }' "$T/l")
  [ -n "$v" ] || die "Unexpected gpg output"
}
file=
case $KIND in
  url)
    if command -v curl >/dev/null 2>&1; then
      k=; [ "$INSECURE" = 1 ] && k=-k
      curl -fsSL $k -o "$T/key" "$KEY" 2>"$T/e" || die "failed to fetch key at $KEY , error was: $(cat "$T/e")"
    else
      k=; [ "$INSECURE" = 1 ] && k=--no-check-certificate
      wget -q $k -O "$T/key" "$KEY" 2>"$T/e" || die "failed to fetch key at $KEY , error was: $(cat "$T/e")"
    fi
    grep -q -- '-----BEGIN PGP PUBLIC KEY BLOCK-----' "$T/key" && grep -q -- '-----END PGP PUBLIC KEY BLOCK-----' "$T/key" \
      || die "Not a public key: $KEY"
    file=$T/key;;
  text) printf '%s\n' "$KEY" > "$T/key"; file=$T/key;;
  path) [ -f "$KEY" ] || die "Not a valid key $KEY"; file=$KEY;;
esac
if [ -n "$file" ]; then
  field pub 5; id=$v
else
  id=$KEY
fi
id=$(printf '%s' "$id" | tr -d ' \t\n' | tr a-z A-Z); id=${id#0X}
emit keyid "$id"
imported=0
if rpmdb -q gpg-pubkey >/dev/null 2>&1; then
  ids=$(rpmdb -q gpg-pubkey --qf '%{description}' 2>"$T/e" | "$G" --no-tty --batch --with-colons --fixed-list-mode - 2>>"$T/e") \
    || die_err
  for k in $(printf '%s\n' "$ids" | awk -F: '{ print $5 }'); do
    case $k in *"$id"*) imported=1;; esac
  done
fi
if [ "$STATE" = present ]; then
  [ $imported = 1 ] && exit 0
  [ -n "$file" ] || die "When importing a key, a valid file must be given"
  if [ -n "$FPR" ]; then
    field fpr 10; has=$v
    [ "$has" = "$FPR" ] || die "The specified fingerprint, '$FPR', does not match the key fingerprint '$has'"
  fi
  emit changed 1
  [ "$CHECK" = 1 ] || rpmdb --import "$file" 2>"$T/e" || die_err
elif [ $imported = 1 ]; then
  emit changed 1
  short=$(printf '%s' "$id" | tail -c 8 | tr A-Z a-z)
  [ "$CHECK" = 1 ] || rpmdb --erase --allmatches "gpg-pubkey-$short" 2>"$T/e" >/dev/null || die_err
fi
exit 0
