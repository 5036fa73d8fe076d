"""Runs a job script in a throwaway root (compat/sandbox.sh inside new mount, UTS, IPC, network and PID
namespaces), bounded in time. Killing the `unshare` process kills the namespace's first process (--kill-child),
and with it every process the target started; the mount namespace and its overlay vanish with them."""
import os
import signal
import subprocess
import threading
import time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SANDBOX = os.path.join(HERE, 'sandbox.sh')


def available():
    """None when sandboxing works here, else why not."""
    if os.geteuid() != 0:
        return 'needs root (mount and network namespaces, overlay mounts)'
    for tool in ('unshare', 'chroot', 'ip'):
        if not any(os.access(os.path.join(d, tool), os.X_OK) for d in ('/usr/bin', '/bin', '/usr/sbin', '/sbin')):
            return 'needs %s' % tool
    return None


class Live:
    """The sandboxes running now, so that an interrupted runner kills them all (each runs in its own session and
    would not get the terminal's signal)."""

    def __init__(self):
        self._procs = set()
        self._lock = threading.Lock()

    def add(self, proc):
        with self._lock:
            self._procs.add(proc)

    def remove(self, proc):
        with self._lock:
            self._procs.discard(proc)

    def kill_all(self):
        with self._lock:
            procs = list(self._procs)
        for p in procs:
            kill(p)


def run(box_dir, cwd, argv, log_path, timeout, binds=(), live=None):
    """Runs argv in cwd inside the sandbox rooted at box_dir; output to log_path.
    Returns (exit code or None on timeout, seconds)."""
    os.makedirs(box_dir, exist_ok=True)
    with open(os.path.join(box_dir, 'binds'), 'w', encoding='utf-8') as f:
        for src, dst in binds:
            f.write('%s %s\n' % (src, dst))
    cmd = ['unshare', '--mount', '--uts', '--ipc', '--net', '--pid', '--fork', '--kill-child',
           SANDBOX, box_dir, cwd] + list(argv)
    start = time.monotonic()
    with open(log_path, 'ab') as log:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        if live:
            live.add(proc)
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill(proc)
            rc = None
        except BaseException:
            kill(proc)
            raise
        finally:
            if live:
                live.remove(proc)
    return rc, time.monotonic() - start


def kill(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()
