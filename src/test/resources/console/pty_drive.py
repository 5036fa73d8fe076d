#!/usr/bin/env python3
"""Drives a program through a real pseudo-terminal, like a person at a keyboard (the console tests use it).

    pty_drive.py STEPS_JSON -- COMMAND...

STEPS_JSON is a list of ["send", TEXT] (keys, e.g. "pin\\t" or "\\u0003" for Ctrl-C),
["expect", TEXT, SECONDS] (wait until TEXT appears in the output after the last match), ["sleep", SECONDS] and
["wait_file", PATH, SECONDS] (wait until PATH exists).
Exits 0 when every step passed, 1 otherwise; prints the whole transcript (ANSI escapes removed) either way,
then one line per expect step: "--- took N ms: TEXT" (from the last send to the text's appearance).
"""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time

def main():
    steps = json.loads(sys.argv[1])
    cmd = sys.argv[sys.argv.index('--') + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        # a test runner (a JVM) may have started us with signals blocked or Ctrl-C or hang-up ignored; a person's terminal delivers them
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
        os.environ['TERM'] = 'xterm'
        os.environ['COLUMNS'] = '120'
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    out, pos, ok, failed = '', 0, True, None
    sent, timings = time.time(), []
    def read(timeout):
        nonlocal out
        r, _, _ = select.select([fd], [], [], timeout)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return False
            out += re.sub(r'\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\r', '', data.decode('utf-8', 'replace'))
        return True
    for step in steps:
        if step[0] == 'send':
            os.write(fd, step[1].encode())
            sent = time.time()
            read(0.05)
        elif step[0] == 'wait_file':
            deadline = time.time() + step[2]
            while not os.path.exists(step[1]) and time.time() < deadline:
                read(0.05)
            if not os.path.exists(step[1]):
                ok, failed = False, step
                break
        elif step[0] == 'sleep':
            end = time.time() + step[1]
            while time.time() < end:
                read(0.05)
        else:
            text, deadline = step[1], time.time() + step[2]
            while text not in out[pos:] and time.time() < deadline:
                if not read(0.05):
                    break
            i = out.find(text, pos)
            if i < 0:
                ok, failed = False, step
                break
            pos = i + len(text)
            timings.append('--- took %d ms: %s' % ((time.time() - sent) * 1000, text))
    # hang up, as a person closing the terminal: the program may clean up (its shutdown hooks run; a SIGKILL here left
    # vault edit's plain copy in /tmp when a step failed while the editor ran), then SIGKILL if it is still there
    os.close(fd)
    deadline = time.time() + 10
    while os.waitpid(pid, os.WNOHANG) == (0, 0) and time.time() < deadline:
        time.sleep(0.05)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    print(out)
    print('\n'.join(timings))
    if not ok:
        print('\n--- step failed: %r' % (failed,))
    sys.exit(0 if ok else 1)

main()
