"""The first failure in a target's output, as one line."""
import json
import re

ANSI = re.compile(r'\x1b\[[0-9;]*[A-Za-z]')
FATAL = re.compile(r'^(fatal|failed): \[([^\]]+)\]( \(item=.*?\))?: (?:FAILED! |UNREACHABLE! )?=> ?(.*)$')
ERROR = re.compile(r'^(ERROR!|jplay: |compat: |\[ERROR\]|Traceback )')
STEP = re.compile(r'^### compat: (.*) exited with (\d+)$')
SHELL_ERROR = re.compile(r'(\./runme\.sh: line \d+: .*|: command not found$|No such file or directory$)')
CLEANUP = re.compile(r'^\+* ?(\+ )?(exit|rm|echo|cleanup|trap|popd|cd|set)\b')
SCRATCH_PATH = re.compile(r"(?:/[^\s'\"]*)?/test/results/\.tmp/(?:integration/[^/\s]+/test/integration/(?:targets/)?|output_dir)")
MAX = 240


def first_failure(text):
    """The failure that stopped the run: the last fatal/failed task result that was not ignored or the last
    ERROR! (a run stops at its failure; earlier ones were expected: rescued, or checked by the script), else
    the most telling line near the end of the output."""
    lines = [ANSI.sub('', l).rstrip() for l in text.splitlines() if not l.startswith('### compat:')]
    task, found, at = None, None, -1
    for i, line in enumerate(lines):
        if line.startswith('TASK [') or line.startswith('RUNNING HANDLER ['):
            task = line.split('[', 1)[1].rsplit(']', 1)[0]
            continue
        m = FATAL.match(line)
        if m and not _ignored(lines, i):
            found, at = '%s%s: %s' % ('[%s] ' % task if task else '', m.group(1), _msg(m.group(4), lines, i)), i
        elif ERROR.match(line):
            found, at = _with_location(lines, i), i
    if found and not _went_on(lines, at):
        return _clip(found)
    for i in range(len(lines) - 1, -1, -1):
        if SHELL_ERROR.search(lines[i]):
            return _clip(lines[i])
    tail = [l for l in lines if l.strip() and not CLEANUP.match(l)]
    return _clip(tail[-1] if tail else 'no output')


def _went_on(lines, at):
    """True when the script went on after the run that printed lines[at] (a later PLAY, or a PLAY RECAP followed
    by more output): that failure was expected, the cause is later."""
    recap = False
    for line in lines[at + 1:]:
        if line.startswith('PLAY [') or line.startswith('PLAY RECAP'):
            if line.startswith('PLAY ['):
                return True
            recap = True
            continue
        if recap and line.strip() and not re.match(r'^\S+\s+: ok=', line):
            return True
    return False


def _ignored(lines, i):
    for line in lines[i + 1:i + 40]:
        if line.strip() == '...ignoring':
            return True
        if FATAL.match(line) or line.startswith('TASK [') or line.startswith('PLAY ') or line.startswith('RUNNING '):
            return False
    return False


def _msg(payload, lines, i):
    text = payload
    if text.strip() == '{' or (text.startswith('{') and not text.rstrip().endswith('}')):
        buf = [text]
        for line in lines[i + 1:i + 400]:
            buf.append(line)
            if line == '}':
                break
        text = '\n'.join(buf)
    try:
        data = json.loads(text)
    except ValueError:
        return payload
    if isinstance(data, dict):
        for key in ('msg', 'message', 'stderr', 'module_stderr', 'stdout'):
            v = data.get(key)
            if v:
                if key == 'msg' and data.get('assertion'):
                    return '%s (%s)' % (v, data['assertion'])
                return v if isinstance(v, str) else json.dumps(v)
    return payload


def _with_location(lines, i):
    line = lines[i]
    for nxt in lines[i + 1:i + 3]:
        s = nxt.strip()
        if s.startswith('-->') or s.startswith('The error appears to be in'):
            return line + ' ' + s
    return line


def _clip(s):
    s = ' '.join(SCRATCH_PATH.sub('', s).split())
    return s if len(s) <= MAX else s[:MAX - 3] + '...'
