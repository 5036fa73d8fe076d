# jplay async job: Ansible's async_wrapper contract in POSIX sh (no Python on the host).
#   sh job.sh watch JID LIMIT ASYNC_DIR JOB_DIR   supervises: starts 'run' in its own session, kills its process
#                                                 group after LIMIT seconds, then removes JOB_DIR
#   sh job.sh run   JID LIMIT ASYNC_DIR JOB_DIR   runs the job (jplay_job, below) and writes its JSON result
# The result file ASYNC_DIR/JID is replaced atomically (write ASYNC_DIR/JID.tmp, rename), as async_wrapper does,
# so Ansible's async_status module reads it too. JOB_DIR holds this script, the job's stdin (in), its output and
# the pid of the job's process group (pid).
mode=$1 jid=$2 limit=$3 A=$4 J=$5
R=$A/$jid

jplay_write() {
  cat > "$R.tmp" && mv -f "$R.tmp" "$R"
}

# The bytes of file $1 as a JSON string; $2 = 1 drops trailing newlines (strip_empty_ends).
jplay_str() {
  { cat "$1" 2>/dev/null; printf x; } | LC_ALL=C awk -v strip="$2" '
    function esc(s,    i, c, out, k) {
      out = ""
      while ((k = index(s, "\\")) > 0) { out = out substr(s, 1, k - 1) "\\\\"; s = substr(s, k + 1) }
      s = out s; out = ""
      while ((k = index(s, "\"")) > 0) { out = out substr(s, 1, k - 1) "\\\""; s = substr(s, k + 1) }
      s = out s
      for (i = 1; i < 32; i++) {
        c = ctl[i]
        if (index(s, c) == 0) continue
        out = ""
        while ((k = index(s, c)) > 0) { out = out substr(s, 1, k - 1) rep[i]; s = substr(s, k + 1) }
        s = out s
      }
      return s
    }
    BEGIN {
      for (i = 1; i < 32; i++) { ctl[i] = sprintf("%c", i); rep[i] = sprintf("\\u%04x", i) }
      rep[8] = "\\b"; rep[9] = "\\t"; rep[10] = "\\n"; rep[12] = "\\f"; rep[13] = "\\r"
      printf "\""; held = ""
    }
    function emit(line,    core, tail) {
      core = line; tail = ""
      while (length(core) > 0 && substr(core, length(core)) == "\r") { tail = "\r" tail; core = substr(core, 1, length(core) - 1) }
      if (core != "") { printf "%s%s", esc(held), esc(core); held = "" }
      held = held tail
    }
    NR > 1 { emit(prev); held = held "\n" }
    { prev = $0 }
    END {
      sub(/x$/, "", prev)
      emit(prev)
      if (strip != 1) printf "%s", esc(held)
      printf "\""
    }'
}

# "SECONDS NANOSECONDS DATE TIME" now, for jplay_times.
jplay_now() {
  date '+%s %N %Y-%m-%d %H:%M:%S'
}

# '"start": ..., "end": ..., "delta": ...' as Ansible's command module prints them, from two jplay_now values.
jplay_times() {
  LC_ALL=C awk -v s="$1" -v e="$2" 'BEGIN {
    split(s, a, " "); split(e, b, " ")
    if (a[2] !~ /^[0-9]+$/) a[2] = 0
    if (b[2] !~ /^[0-9]+$/) b[2] = 0
    us = (b[1] - a[1]) * 1000000 + int(b[2] / 1000) - int(a[2] / 1000)
    if (us < 0) us = 0
    printf "\"start\": \"%s %s.%06d\", \"end\": \"%s %s.%06d\", \"delta\": \"%d:%02d:%02d.%06d\"",
      a[3], a[4], int(a[2] / 1000), b[3], b[4], int(b[2] / 1000),
      int(us / 3600000000), int(us / 60000000) % 60, int(us / 1000000) % 60, us % 1000000
  }'
}

# The command module's result: $1 rc, $2/$3 jplay_now at start/end, $4 strip_empty_ends, $5 the JSON object's
# first keys without the closing brace ('{"changed": true, "cmd": ...').
jplay_command() {
  printf '%s, "rc": %s, "stdout": ' "$5" "$1"
  jplay_str "$J/out" "$4"
  printf ', "stderr": '
  jplay_str "$J/err" "$4"
  printf ', '
  jplay_times "$2" "$3"
  if [ "$1" -eq 0 ]; then printf ', "msg": ""}'; else printf ', "msg": "non-zero return code", "failed": true}'; fi
}

# A module's result from its output: the JSON object it printed (lines before the first '{' line and after the
# last '}' line dropped, as async_wrapper does) with its stderr added; without one, async_wrapper's failure.
# $1 the command, as a JSON string.
jplay_module() {
  if LC_ALL=C awk '
      { line[NR] = $0 }
      END {
        for (s = 1; s <= NR; s++) { t = line[s]; sub(/^[ \t\r]+/, "", t); if (substr(t, 1, 1) == "{") break }
        for (e = NR; e >= s; e--) { t = line[e]; sub(/[ \t\r]+$/, "", t); if (substr(t, length(t)) == "}") break }
        if (s > NR || e < s) exit 1
        junk = ""; seen = 0
        for (i = e + 1; i <= NR; i++) { junk = junk (i > e + 1 ? "\n" : "") line[i]; if (line[i] ~ /[^ \t\r]/) seen = 1 }
        if (seen) printf "Module invocation had junk after the JSON data: %s", junk > junkfile
        for (i = s; i < e; i++) print line[i]
        t = line[e]; sub(/[ \t\r]+$/, "", t); t = substr(t, 1, length(t) - 1)
        printf "%s", t
      }' junkfile="$J/junk" "$J/out" > "$J/json"; then
    cat "$J/json"
    sep=', '
    if LC_ALL=C awk '{ t = t $0 } END { sub(/[ \t\r\n]+$/, "", t); exit !(substr(t, length(t)) == "{") }' "$J/json"; then sep=; fi
    if [ -s "$J/err" ]; then
      printf '%s"stderr": ' "$sep"
      jplay_str "$J/err" 0
      sep=', '
    fi
    # async_wrapper's warning about trailing junk (kept out when the module printed its own warnings)
    if [ -s "$J/junk" ] && ! grep -q '"warnings"' "$J/json"; then
      printf '%s"warnings": [' "$sep"
      jplay_str "$J/junk" 0
      printf ']'
    fi
    printf '}'
  else
    printf '{"failed": 1, "cmd": %s, "data": ' "$1"
    jplay_str "$J/out" 0
    printf ', "stderr": '
    jplay_str "$J/err" 0
    printf ', "msg": "the module printed no JSON object", "ansible_job_id": "%s"}' "$jid"
  fi
}

jplay_job() {
@BODY@
}

case $mode in
run)
  jplay_job > "$J/result" 2>> "$J/log"
  [ -s "$J/result" ] || printf '{"failed": 1, "msg": "the job wrote no result", "ansible_job_id": "%s"}' "$jid" > "$J/result"
  : > "$J/done"
  jplay_write < "$J/result"
  ;;
watch)
  if command -v setsid >/dev/null 2>&1; then
    setsid /bin/sh "$J/job.sh" run "$jid" "$limit" "$A" "$J" < /dev/null > /dev/null 2>&1 &
  else
    /bin/sh "$J/job.sh" run "$jid" "$limit" "$A" "$J" < /dev/null > /dev/null 2>&1 &
  fi
  pid=$!
  echo "$pid" > "$J/pid"
  t0=$(date +%s)
  while kill -0 "$pid" 2>/dev/null; do
    if [ $(($(date +%s) - t0)) -ge "$limit" ]; then
      if [ ! -e "$J/done" ]; then
        printf '{"msg": "Timeout exceeded", "failed": true, "child_pid": %s}' "$pid" | jplay_write
        kill -s KILL -- "-$pid" 2>/dev/null || kill -s KILL "$pid" 2>/dev/null
      fi
      break
    fi
    sleep 1
  done
  wait
  rm -rf "$J"
  ;;
esac
