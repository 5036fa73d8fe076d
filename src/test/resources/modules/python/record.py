#!/usr/bin/env python3
"""Records what ansible-playbook 2.14 does with collections.yml on a fresh lab host, for PythonModulesLabTest.

Usage (as root, from the repository root):
  JPLAY_LAB_NET=10.37 JPLAY_LAB_DIR=$PWD/.lab lab/lab up 1
  src/test/resources/modules/python/record.py .lab lab01 > src/test/resources/modules/python/collections.expected.json
  lab/lab down
Two runs: the statuses of each (task name -> ok/changed/failed/skipping) and, after them, the mode and content hash
(or link target; the last line of files the host already had) of every file the playbook manages; files with random content (keys) are recorded by mode only.
"""
import hashlib, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = ["etc/jplay/app.ini", "etc/fstab", "etc/gitconfig", "etc/jplay/blacklist.conf", "etc/security/limits.d/jplay.conf",
         "etc/sysctl.d/90-jplay.conf", "home/jplaynp/.ssh/authorized_keys", "var/lib/dpkg/alternatives/jplaytest",
         "var/tmp/jplay-4k", "usr/local/bin/jplaytest", "etc/alternatives/jplaytest"]
RANDOM = ["etc/jplay/id_test", "etc/jplay/id_test.pub", "etc/jplay/key.pem"]
APPENDED = ["etc/fstab"]  # the host's own file with a line added: only the last line is compared

def statuses(out):
    res, task = [], None
    for line in out.splitlines():
        m = re.match(r'^TASK \[(.*)\] \*+$', line)
        if m:
            task = m.group(1)
        m = re.match(r'^(ok|changed|fatal|skipping): \[', line)
        if m and task:
            res.append([task, m.group(1)])
    return res

def files(upper):
    out = {}
    for f in FILES + RANDOM:
        p = os.path.join(upper, f)
        if os.path.islink(p):
            out[f] = {"link": os.readlink(p)}
        elif os.path.isfile(p):
            entry = {"mode": oct(os.stat(p).st_mode & 0o7777)[2:]}
            data = open(p, 'rb').read()
            if f in APPENDED:
                entry["last_line"] = data.decode().rstrip("\n").split("\n")[-1]
            elif f not in RANDOM:
                entry["sha256"] = hashlib.sha256(data).hexdigest()
            out[f] = entry
    return out

def main(lab, host):
    runs = []
    for _ in range(2):
        r = subprocess.run(["ansible-playbook", "-i", os.path.join(lab, "inventory"), os.path.join(HERE, "collections.yml"), "-l", host],
                           capture_output=True, text=True, env=dict(os.environ, ANSIBLE_NOCOLOR="1"))
        runs.append(statuses(r.stdout))
    print(json.dumps({"recorded_with": subprocess.run(["ansible", "--version"], capture_output=True, text=True).stdout.splitlines()[0],
                      "run1": runs[0], "run2": runs[1], "files": files(os.path.join(lab, "hosts", host, "upper"))}, indent=1))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
