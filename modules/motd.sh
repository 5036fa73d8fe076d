#!/bin/sh
# A drop-in jplay/Ansible module written in POSIX sh: sets the message of the day.
# short_description: Set the message of the day (/etc/motd)
#
#   - motd:
#       text: "Managed by jplay. Unauthorised access prohibited."
#       path: /etc/motd        # optional
#
# Module contract: the first argument is a file of key=value pairs in shell quoting (Ansible's old-style modules);
# print one JSON object. Idempotent, supports check mode (_ansible_check_mode) and diff (_ansible_diff).
set -u
path=/etc/motd
text=""
_ansible_check_mode=False
_ansible_diff=False
. "$1"

json_string() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' | awk 'BEGIN{ORS="\\n"} {print}' | sed 's/\\n$//'; }

have=""
[ -f "$path" ] && have="$(cat "$path")"
if [ "$have" = "$text" ] && [ -f "$path" ]; then
  printf '{"changed": false, "path": "%s", "msg": "motd already set"}\n' "$path"
  exit 0
fi
if [ "$_ansible_check_mode" != "True" ]; then
  tmp="$(mktemp "$(dirname "$path")/.motd.XXXXXX")" || { printf '{"failed": true, "msg": "cannot write %s"}\n' "$path"; exit 1; }
  printf '%s\n' "$text" > "$tmp" && chmod 0644 "$tmp" && mv -f "$tmp" "$path" || { rm -f "$tmp"; printf '{"failed": true, "msg": "cannot write %s"}\n' "$path"; exit 1; }
fi
diff=""
if [ "$_ansible_diff" = "True" ]; then
  diff=", \"diff\": {\"before\": \"$(json_string "$have")${have:+\\n}\", \"after\": \"$(json_string "$text")\\n\", \"before_header\": \"$path\", \"after_header\": \"$path\"}"
fi
printf '{"changed": true, "path": "%s", "msg": "motd updated"%s}\n' "$path" "$diff"
