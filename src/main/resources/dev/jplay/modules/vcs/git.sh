# jplay's git module on the host: ansible.builtin.git's logic (clone, fetch, switch version, submodules, archive)
# in POSIX sh, one round trip. Parameters come as shell variables set before this text (see Git.java); results are
# printed as fields: a line "$M NAME", then the value, then a newline.
export LANG=C LC_ALL=C LC_MESSAGES=C LC_CTYPE=C
[ -n "$GIT_SSH_OPTS_J" ] && export GIT_SSH_COMMAND="${GIT_SSH:-${GIT_SSH_COMMAND:-ssh}} $GIT_SSH_OPTS_J"
T=$(mktemp -d "${TMPDIR:-/tmp}/jplay-git-XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
emit() { printf '%s %s\n%s\n' "$M" "$1" "$2"; }
die() {
  emit msg "$1"
  if [ -n "$2" ]; then emit rc "$R"; emit stdout "$O"; emit stderr "$E"; emit cmd "$2"; fi
  emit failed 1; exit 0
}
# run DIR ARGS...: git ARGS in DIR (when it exists); sets R, O, E
run() {
  d=$1; shift
  ( if [ -n "$d" ] && [ -d "$d" ]; then cd "$d" || exit 1; fi; "$G" "$@" ) > "$T/o" 2> "$T/e"
  R=$?; O=$(cat "$T/o"; printf x); O=${O%x}; E=$(cat "$T/e"; printf x); E=${E%x}
}
rstrip() { printf '%s' "$1" | sed -e ':a' -e '$!{N;ba' -e '}' -e 's/[[:space:]]*$//'; }
# must DIR ARGS...: run, failing as run_command(check_rc=True) does
must() { run "$@"; [ "$R" = 0 ] || { shift; die "$(rstrip "$E")" "$G $*"; }; }
[ -n "$UMASK" ] && umask "$UMASK"
unfrack() { realpath -m "$1" 2>/dev/null || printf '%s' "$1"; }
tilde() { case $1 in "~") printf '%s' "$HOME";; "~/"*) printf '%s/%s' "$HOME" "${1#"~/"}";; *) printf '%s' "$1";; esac; }
REPO=$(tilde "$REPO"); DEST=$(tilde "$DEST"); ARCHIVE=$(tilde "$ARCHIVE")
case $REPO in /*) REPO=file://$REPO;; esac
if [ -n "$DEST" ]; then
  case $DEST in /*) ;; *) DEST=$PWD/$DEST;; esac
  DEST=$(unfrack "$DEST")
fi
[ -n "$SEPARATE" ] && SEPARATE=$(unfrack "$(tilde "$SEPARATE")")
repo_path() {
  if [ "$BARE" = 1 ]; then RP=$DEST; else RP=$DEST/.git; fi
  if [ -f "$RP" ]; then
    l=$(cat "$RP"); gd=${l#gitdir: }
    if [ "$gd" = "$l" ]; then die "Current repo does not have a valid reference to a separate Git dir or it refers to the invalid path"; fi
    case $gd in /*) RP=$gd;; *) RP=$DEST/$gd;; esac
    [ -d "$RP" ] || die "Current repo does not have a valid reference to a separate Git dir or it refers to the invalid path"
  fi
}
version_of() { run "$DEST" rev-parse "${1:-HEAD}"; printf '%s' "$O"; }
branches() { must "$DEST" branch --no-color -a; printf '%s\n' "$O" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//'; }
is_local_branch() { branches | grep -qxF -e "$1" -e "* $1"; }
is_remote_branch() { must "$DEST" ls-remote "$1" -h "refs/heads/$2"; case $O in *"$2"*) return 0;; esac; return 1; }
is_remote_tag() { must "$DEST" ls-remote "$1" -t "refs/tags/$2"; case $O in *"$2"*) return 0;; esac; return 1; }
head_branch() {
  repo_path
  hf=$RP/HEAD
  if branches | grep -q '^\* .*\(no branch\|detached from\|detached at\)'; then hf=$RP/refs/remotes/$REMOTE/HEAD; fi
  [ -e "$hf" ] || { HB=; return; }
  l=$(head -n 1 "$hf") || die "Unable to read $hf"
  case $l in *"refs/remotes/$REMOTE"*) l=${l%%"refs/remotes/$REMOTE"*}${l#*"refs/remotes/$REMOTE"};; esac
  l=${l##* }
  HB=$(printf '%s' "$l" | awk -F/ '{ if (NF >= 3) { s = $3; for (i = 4; i <= NF; i++) s = s "/" $i } else s = $NF; print s }')
}
# remote_head REMOTE: sets RH
remote_head() {
  cwd=$DEST; cloning=0
  if [ "$1" = "$REPO" ]; then cloning=1; cwd=; fi
  tag=0
  if [ "$VERSION" = HEAD ]; then
    if [ $cloning = 1 ]; then must "" ls-remote "$1" -h HEAD
    else head_branch; must "$cwd" ls-remote "$1" -h "refs/heads/$HB"; fi
  elif is_remote_branch "$1" "$VERSION"; then must "$cwd" ls-remote "$1" -h "refs/heads/$VERSION"
  elif is_remote_tag "$1" "$VERSION"; then tag=1; must "$cwd" ls-remote "$1" -t "refs/tags/$VERSION*"
  else RH=$VERSION; return; fi
  [ -n "$O" ] || die "Could not determine remote revision for $VERSION" "ls-remote"
  line=$(printf '%s\n' "$O" | head -n 1)
  if [ $tag = 1 ]; then
    line=$(printf '%s\n' "$O" | awk -v v="$VERSION" '
      { if (!done && substr($0, length($0) - length(v) - 2) == v "^{}") { l = $0; done = 1 }
        else if (!done && substr($0, length($0) - length(v) + 1) == v) l = $0 }
      END { print l }')
  fi
  RH=${line%%[[:space:]]*}
}
get_diff() {
  [ "$DIFF" = 1 ] || return 0
  if [ -z "$1" ]; then emit prepared ">> Newly checked out $2"; return; fi
  [ "$1" = "$2" ] && return
  [ "$CHECK" = 1 ] || do_fetch "$2" ""
  run "$DEST" diff "$1" "$2"
  if [ "$R" = 0 ] && [ -n "$O" ]; then emit prepared "$O"
  elif [ "$R" = 0 ]; then emit prepared ">> No visual differences between $1 and $2"
  elif [ -n "$E" ]; then emit prepared ">> Failed to get proper diff between $1 and $2:
>> $E"
  else emit prepared ">> Failed to get proper diff between $1 and $2"; fi
}
get_remote_url() { run "$DEST" ls-remote --get-url "$REMOTE"; [ "$R" = 0 ] && { URL=$O; return 0; }; URL=; return 1; }
# set_remote_url: sets UC (1 when a remote url was replaced)
set_remote_url() {
  UC=0
  if get_remote_url; then had=1; else had=0; fi
  if [ "$URL" = "$REPO" ] || [ "$(unfrack "$URL")" = "$(unfrack "$REPO")" ]; then return; fi
  run "$DEST" remote set-url "$REMOTE" "$REPO"
  [ "$R" = 0 ] || die "Failed to set a new url $REPO for $REMOTE: $O $E"
  UC=$had
}
do_fetch() {
  v=$1; set_remote_url
  set -- fetch; refs=
  if [ -n "$DEPTH" ]; then
    head_branch
    if [ -n "$REFSPEC" ]; then refs=$REFSPEC
    elif [ "$v" = HEAD ]; then refs=$HB
    elif is_remote_branch "$REPO" "$v"; then
      [ "$HB" != "$v" ] && refs="+refs/heads/$v:refs/heads/$v"
      refs="$refs +refs/heads/$v:refs/remotes/$REMOTE/$v"
    elif is_remote_tag "$REPO" "$v"; then refs="+refs/tags/$v:refs/tags/$v"; fi
    [ -n "$refs" ] && set -- "$@" --depth "$DEPTH"
  fi
  if [ -z "$DEPTH" ] || [ -z "$refs" ]; then
    if [ "$BARE" = 1 ]; then refs='+refs/heads/*:refs/heads/* +refs/tags/*:refs/tags/*'; else set -- "$@" --tags; fi
    [ -n "$REFSPEC" ] && refs="$refs $REFSPEC"
  fi
  [ "$FORCE" = 1 ] && set -- "$@" --force
  set -f; set -- "$@" "$REMOTE" $refs; set +f
  run "$DEST" "$@"
  [ "$R" = 0 ] || die "Failed to download remote objects and refs: $O $E" "$G $*"
}
do_clone() {
  mkdir -p "$(dirname "$DEST")" 2>/dev/null
  set -- clone
  if [ "$BARE" = 1 ]; then set -- "$@" --bare; else set -- "$@" --origin "$REMOTE"; fi
  bt=0
  if is_remote_branch "$REPO" "$VERSION" || is_remote_tag "$REPO" "$VERSION"; then bt=1; fi
  if [ -n "$DEPTH" ]; then
    if [ "$VERSION" = HEAD ] || [ -n "$REFSPEC" ]; then set -- "$@" --depth "$DEPTH"
    elif [ $bt = 1 ]; then set -- "$@" --depth "$DEPTH" --branch "$VERSION"
    else emit warning "Ignoring depth argument. Shallow clones are only available for HEAD, branches, tags or in combination with refspec."; fi
  fi
  [ -n "$REFERENCE" ] && set -- "$@" --reference "$REFERENCE"
  if [ "$SINGLE" = 1 ]; then set -- "$@" --single-branch; [ $bt = 1 ] && set -- "$@" --branch "$VERSION"; fi
  [ -n "$SEPARATE" ] && set -- "$@" "--separate-git-dir=$SEPARATE"
  must "$(dirname "$DEST")" "$@" "$REPO" "$DEST"
  if [ "$BARE" = 1 ] && [ "$REMOTE" != origin ]; then must "$DEST" remote add "$REMOTE" "$REPO"; fi
  if [ -n "$REFSPEC" ]; then
    if [ -n "$DEPTH" ]; then must "$DEST" fetch --depth "$DEPTH" "$REMOTE" "$REFSPEC"; else must "$DEST" fetch "$REMOTE" "$REFSPEC"; fi
  fi
  [ "$VERIFY" = 1 ] && verify_commit
}
verify_commit() {
  must "$DEST" for-each-ref refs/tags/ --format '%(objecttype):%(refname:short)'
  sub=verify-commit
  printf '%s\n' "$O" | grep -qxF "tag:$VERSION" && sub=verify-tag
  if [ -n "$GPG_WHITELIST" ]; then run "$DEST" "$sub" "$VERSION" --raw; else run "$DEST" "$sub" "$VERSION"; fi
  [ "$R" = 0 ] || die "Failed to verify GPG signature of commit/tag \"$VERSION\"" "$G $sub $VERSION"
  if [ -n "$GPG_WHITELIST" ]; then
    fp=$(printf '%s\n' "$E" | awk '$2 == "VALIDSIG" { print (NF == 11 ? $11 : $3); exit }')
    printf '%s\n' "$GPG_WHITELIST" | grep -qxF "$fp" ||
      die "The gpg_whitelist does not include the public key \"$fp\" for this commit" "$G $sub $VERSION --raw"
  fi
}
switch_version() {
  if [ "$VERSION" = HEAD ]; then
    head_branch
    run "$DEST" checkout --force "$HB"; [ "$R" = 0 ] || die "Failed to checkout branch $HB" "$G checkout --force $HB"
    set -- reset --hard "$REMOTE/$HB" --
  elif is_remote_branch "$REMOTE" "$VERSION"; then
    if [ -n "$DEPTH" ] && ! is_local_branch "$VERSION"; then
      run "$DEST" fetch "--depth=$DEPTH" "$REMOTE" "+refs/heads/$VERSION:refs/heads/$VERSION" "+refs/heads/$VERSION:refs/remotes/$REMOTE/$VERSION"
      [ "$R" = 0 ] || die "Failed to fetch branch from remote: $VERSION" "$G fetch"
    fi
    if ! is_local_branch "$VERSION"; then set -- checkout --track -b "$VERSION" "$REMOTE/$VERSION"
    else
      run "$DEST" checkout --force "$VERSION"; [ "$R" = 0 ] || die "Failed to checkout branch $VERSION" "$G checkout --force $VERSION"
      set -- reset --hard "$REMOTE/$VERSION"
    fi
  else set -- checkout --force "$VERSION"; fi
  run "$DEST" "$@"
  if [ "$R" != 0 ]; then
    if [ "$VERSION" != HEAD ]; then die "Failed to checkout $VERSION" "$G $*"; else die "Failed to checkout branch $HB" "$G $*"; fi
  fi
  [ "$VERIFY" = 1 ] && verify_commit
}
submodule_versions() {
  must "$DEST" submodule foreach "$G" rev-parse "$1"
  printf '%s\n' "$O"
}
submodules_fetch() {
  SC=0
  [ -f "$DEST/.gitmodules" ] || return 0
  for p in $(sed -n 's/^[[:space:]]*path[[:space:]]*=[[:space:]]*//p' "$DEST/.gitmodules"); do
    [ -e "$DEST/$p/.git" ] || { SC=1; break; }
  done
  [ $SC = 1 ] && return 0
  begin=$(submodule_versions HEAD)
  must "$DEST" submodule foreach "$G" fetch
  if [ "$TRACK" = 1 ]; then
    [ "$(submodule_versions "$REMOTE/master")" = "$begin" ] || SC=1
  else
    must "$DEST" submodule status
    printf '%s\n' "$O" | grep -q '^[^ ]' && SC=1
  fi
  return 0
}
submodule_update() {
  [ -f "$DEST/.gitmodules" ] || return 0
  must "$DEST" submodule sync
  set -- submodule update --init --recursive
  [ "$TRACK" = 1 ] && set -- "$@" --remote
  [ "$FORCE" = 1 ] && set -- "$@" --force
  run "$DEST" "$@"; [ "$R" = 0 ] || die "Failed to init/update submodules: $O$E"
}
create_archive() {
  case $ARCHIVE in *.zip) fmt=zip;; *.gz) fmt=tar.gz;; *.tar) fmt=tar;; *.tgz) fmt=tgz;; *) fmt=;; esac
  [ -n "$fmt" ] || { emit details "Please specify archive as filename with extension. File extension can be one of ['tar', 'tar.gz', 'zip', 'tgz']"; die "Unable to get file extension from archive file name : $ARCHIVE"; }
  out=$ARCHIVE; [ -e "$ARCHIVE" ] && out=$T/new.$fmt
  set -- archive --format "$fmt" --output "$out"
  [ -n "$APREFIX" ] && set -- "$@" --prefix "$APREFIX"
  run "$DEST" "$@" "$VERSION"
  if [ "$R" != 0 ]; then
    emit details "Git archive command failed to create archive $out using $DEST directory.Error: $E"
    die "Failed to perform archive operation"
  fi
  if [ "$out" = "$ARCHIVE" ]; then emit changed 1
  elif cmp -s "$out" "$ARCHIVE"; then emit changed 0
  else mv -f "$out" "$ARCHIVE" || die "Failed to move $out to $ARCHIVE"; emit changed 1; fi
}
finish_archive() {
  if [ -n "$ARCHIVE" ]; then
    [ "$CHECK" = 1 ] && { emit changed 1; exit 0; }
    create_archive
  fi
  exit 0
}

if [ -z "$DEST" ] && [ "$CLONE" = 1 ]; then die "the destination directory must be specified unless clone=no"; fi
if [ -n "$DEST" ]; then
  repo_path
  if [ -n "$SEPARATE" ] && [ -e "$RP" ] && [ "$SEPARATE" != "$RP" ]; then
    emit changed 1
    if [ "$CHECK" != 1 ]; then
      [ -e "$SEPARATE" ] && die "Separate-git-dir path $SEPARATE already exists."
      mv "$RP" "$SEPARATE" && printf 'gitdir: %s' "$SEPARATE" > "$DEST/.git" || die "Unable to move git dir."
      emit git_dir_before "$RP"; emit git_dir_now "$SEPARATE"; RP=$SEPARATE
    fi
  fi
fi
if p=$(command -v "$G" 2>/dev/null); then G=$p; else die "Failed to find required executable \"$G\" in paths: $PATH"; fi
BEFORE=; MODS=0; URLC=0
if [ -z "$DEST" ] || [ ! -f "$RP/config" ]; then
  if [ "$CHECK" = 1 ] || [ "$CLONE" = 0 ]; then
    remote_head "$REPO"
    emit changed 1; emit after "$RH"; get_diff "" "$RH"; exit 0
  fi
  do_clone
elif [ "$UPDATE" = 0 ]; then
  BEFORE=$(version_of); emit before "$BEFORE"; emit after "$BEFORE"
  finish_archive
else
  if [ "$BARE" != 1 ]; then
    run "$DEST" status --porcelain
    [ -n "$(printf '%s\n' "$O" | grep -v '^??' | grep -v '^$')" ] && MODS=1
  fi
  BEFORE=$(version_of); emit before "$BEFORE"
  if [ $MODS = 1 ]; then
    [ "$FORCE" = 1 ] || { emit keep_before 1; die "Local modifications exist in the destination: $DEST (force=no)."; }
    if [ "$CHECK" != 1 ]; then
      must "$DEST" reset --hard HEAD
      emit changed 1; emit msg "Local modifications exist in the destination: $DEST"
    fi
  fi
  if [ "$CHECK" = 1 ]; then
    UC=0; get_remote_url
    if [ -n "$URL" ] && [ "$URL" != "$REPO" ] && [ "$(unfrack "$URL")" != "$(unfrack "$REPO")" ]; then UC=1; fi
    emit remote_url_changed $UC
    remote_head "$REMOTE"
    if [ "$BEFORE" != "$RH" ] || [ $UC = 1 ]; then emit changed 1; else emit changed 0; fi
    emit after "$RH"; get_diff "$BEFORE" "$RH"; exit 0
  fi
  set_remote_url; URLC=$UC; emit remote_url_changed $UC
  do_fetch "$VERSION"
fi
[ "$BARE" = 1 ] || switch_version
if [ "$RECURSIVE" = 1 ] && [ "$BARE" != 1 ]; then
  submodules_fetch
  if [ $SC = 1 ]; then emit submodules_changed 1; submodule_update; fi
else SC=0; fi
AFTER=$(version_of); emit before "$BEFORE"; emit after "$AFTER"
if [ "$BEFORE" != "$AFTER" ] || [ $MODS = 1 ] || [ $SC = 1 ] || [ $URLC = 1 ]; then emit changed 1; get_diff "$BEFORE" "$AFTER"; fi
finish_archive
