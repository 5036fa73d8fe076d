"""Lays out one target run the way `ansible-test integration` does on a local controller, and writes the job
script the sandbox runs.

Layout (under the run's directory, which stands for the content root of ansible-test):
  test/results/.tmp/output_dir                                       OUTPUT_DIR / output_dir, fresh per step
  test/results/.tmp/integration/NAME-RANDOM-ÅÑŚÌβŁÈ/test/integration/  per step: inventory, targets/<target and
                                                                     the targets it needs>, the wrapper play
"""
import json
import os
import random
import shlex
import shutil
import string
import subprocess

UNICODE_SUFFIX = '-\u00c5\u00d1\u015a\u00cc\u03b2\u0141\u00c8'
PYTHON = '/usr/bin/python3'
PYTHON_VERSION = '3.11'
SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
ANSIBLE_TOOLS = ('ansible', 'ansible-config', 'ansible-connection', 'ansible-console', 'ansible-doc',
                 'ansible-galaxy', 'ansible-inventory', 'ansible-playbook', 'ansible-pull', 'ansible-vault')
# what each ansible command is for jplay; None: jplay has no equivalent
JPLAY_COMMANDS = {
    'ansible-playbook': [],
    'ansible': ['adhoc'],
    'ansible-inventory': ['inventory'],
    'ansible-doc': ['doc'],
    'ansible-config': ['config'],
    'ansible-console': ['console'],
    'ansible-vault': None,
    'ansible-galaxy': None,
    'ansible-pull': None,
    'ansible-connection': None,
}


def inventory_text(python=PYTHON):
    return ('[testgroup]\ntesthost ansible_connection="local" ansible_pipelining="yes" '
            'ansible_python_interpreter="%s"' % python)


def shim_text(tool, jplay):
    """The script that stands for an ansible command on the jplay side."""
    sub = JPLAY_COMMANDS.get(tool)
    if sub is None:
        return ('#!/bin/sh\necho "compat: jplay has no equivalent of %s" >&2\nexit 127\n' % tool)
    return '#!/bin/sh\nexec %s "$@"\n' % ' '.join(shlex.quote(w) for w in [jplay] + sub)


def write_tools(bin_dir, side, jplay, src_root):
    """Creates bin_dir/injector (the ansible commands: the real ones or jplay shims, and virtualenv.sh) and
    bin_dir/python (a `python` that runs the controller's Python), like ansible-test's injector directories.
    Returns {tool: shim path} for the commands to bind over /usr/bin on the jplay side."""
    injector = os.path.join(bin_dir, 'injector')
    pydir = os.path.join(bin_dir, 'python')
    os.makedirs(injector, exist_ok=True)
    os.makedirs(pydir, exist_ok=True)
    shims = {}
    for tool in ANSIBLE_TOOLS:
        path = os.path.join(injector, tool)
        if side == 'jplay':
            _write(path, shim_text(tool, jplay), 0o755)
            shims[tool] = path
        else:
            _write(path, '#!/bin/sh\nexec /usr/bin/%s "$@"\n' % tool, 0o755)
    venv = os.path.join(src_root, 'test/lib/ansible_test/_util/target/injector/virtualenv.sh')
    if os.path.isfile(venv):
        with open(venv, encoding='utf-8') as f:
            lines = f.read().splitlines()
        lines[0] = '#!/usr/bin/env bash'
        _write(os.path.join(injector, 'virtualenv.sh'), '\n'.join(lines) + '\n', 0o644)
    _write(os.path.join(pydir, 'python'), '#!/bin/sh\nexec %s "$@"\n' % PYTHON, 0o755)
    # PYTHONPATH: a directory holding only the ansible package, as ansible-test gives it (scripts read it)
    pypath = os.path.join(bin_dir, 'pythonpath')
    os.makedirs(pypath, exist_ok=True)
    package, link = _ansible_package(), os.path.join(pypath, 'ansible')
    if os.path.lexists(link):
        os.remove(link)
    if package:
        os.symlink(package, link)
    return shims


def _ansible_package():
    try:
        out = subprocess.run([PYTHON, '-c', 'import ansible, os; print(os.path.dirname(ansible.__file__))'],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
        return out.stdout.decode().strip() or None
    except (OSError, subprocess.CalledProcessError):
        return None


def _write(path, text, mode):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    os.chmod(path, mode)


def _rand(n=8):
    return ''.join(random.choice(string.ascii_lowercase + string.digits) for _ in range(n))


class Step:
    """One ansible-test invocation: a setup target or the target itself."""

    def __init__(self, target, cwd, argv, env):
        self.target, self.cwd, self.argv, self.env = target, cwd, argv, env


def stage(run_dir, target, targets, deps, src_root, bin_dir):
    """Copies what the target needs into run_dir and returns its steps (setup targets first)."""
    root = os.path.join(run_dir, 'tree')
    output_dir = os.path.join(root, 'test/results/.tmp/output_dir')
    names = list(target.setup_once) + [n for n in target.setup_always if n not in target.setup_once]
    return [_step(root, targets[n], targets, deps, src_root, bin_dir, output_dir) for n in names] + \
        [_step(root, target, targets, deps, src_root, bin_dir, output_dir)]


def _step(root, target, targets, deps, src_root, bin_dir, output_dir):
    suffix = '-ansible' if target.has('no/temp_unicode') else UNICODE_SUFFIX
    temp = os.path.join(root, 'test/results/.tmp/integration', '%s-%s%s' % (target.name, _rand(), suffix))
    integration = os.path.join(temp, 'test/integration')
    targets_dir = os.path.join(integration, 'targets')
    os.makedirs(targets_dir)
    for name in sorted({target.name} | deps.get(target.name, set())):
        shutil.copytree(targets[name].path, os.path.join(targets_dir, name), symlinks=True)
        for rel in targets[name].needs_file:
            src = os.path.join(src_root, rel)
            if os.path.isfile(src):
                os.makedirs(os.path.dirname(os.path.join(temp, rel)), exist_ok=True)
                shutil.copy2(src, os.path.join(temp, rel))
    inventory = os.path.join(integration, 'inventory')
    _write(inventory, inventory_text(), 0o644)
    config = os.path.join(integration, 'integration.cfg')
    cfg = os.path.join(src_root, 'test/lib/ansible_test/_data/ansible.cfg')
    if os.path.isfile(cfg):
        shutil.copy2(cfg, config)
    else:
        _write(config, '', 0o644)
    env = environment(target, output_dir, inventory, config, bin_dir, src_root)
    if target.script:
        cwd = os.path.join(targets_dir, target.name)
        env['ANSIBLE_PLAYBOOK_DIR'] = cwd
        return Step(target, cwd, ['./runme.sh'], env)
    play = dict(hosts='testhost', gather_facts=target.gather_facts, vars_files=[],
                vars=dict(output_dir=output_dir), roles=[target.name])
    playbook = '%s-%s.yml' % (target.name, _rand())
    _write(os.path.join(integration, playbook), json.dumps([play], indent=4, sort_keys=True), 0o644)
    env['ANSIBLE_PLAYBOOK_DIR'] = integration
    env['ANSIBLE_ROLES_PATH'] = targets_dir
    return Step(target, integration, ['ansible-playbook', playbook, '-i', 'inventory'], env)


def environment(target, output_dir, inventory, config, bin_dir, src_root):
    """The environment ansible-test gives a target (ansible_environment + integration_environment +
    intercept_python), less its own reporting (junit callback, coverage)."""
    env = dict(
        LC_ALL='C.UTF-8',
        HOME=os.environ.get('HOME', '/root'),
        PATH=':'.join([os.path.join(bin_dir, 'injector'), os.path.join(bin_dir, 'python'), SYSTEM_PATH]),
        ANSIBLE_PYTHON_MODULE_RLIMIT_NOFILE='1024',
        ANSIBLE_FORCE_COLOR='false',
        ANSIBLE_FORCE_HANDLERS='true',
        ANSIBLE_HOST_PATTERN_MISMATCH='error',
        ANSIBLE_INVENTORY='/dev/null',
        ANSIBLE_DEPRECATION_WARNINGS='false',
        ANSIBLE_HOST_KEY_CHECKING='false',
        ANSIBLE_RETRY_FILES_ENABLED='false',
        ANSIBLE_CONFIG=config,
        ANSIBLE_LIBRARY='/dev/null',
        ANSIBLE_DEVEL_WARNING='false',
        PAGER='/bin/cat',
        PYTHONPATH=os.path.join(bin_dir, 'pythonpath'),
        ANSIBLE_PYTHON_INTERPRETER='/set/ansible_python_interpreter/in/inventory',
        ANSIBLE_TEST_CI='',
        ANSIBLE_TEST_COVERAGE='',
        OUTPUT_DIR=output_dir,
        INVENTORY_PATH=inventory,
        ANSIBLE_TEST_PYTHON_VERSION=PYTHON_VERSION,
        ANSIBLE_TEST_PYTHON_INTERPRETER=PYTHON,
    )
    plugins = os.path.join(src_root, 'test/support/integration/plugins')
    for var, sub in (('ANSIBLE_FILTER_PLUGINS', 'filter'), ('ANSIBLE_LIBRARY', 'modules'),
                     ('ANSIBLE_MODULE_UTILS', 'module_utils'), ('ANSIBLE_LOOKUP_PLUGINS', 'lookup'),
                     ('ANSIBLE_ACTION_PLUGINS', 'action'), ('ANSIBLE_CALLBACK_PLUGINS', 'callback'),
                     ('ANSIBLE_TEST_PLUGINS', 'test'), ('ANSIBLE_CONNECTION_PLUGINS', 'connection')):
        if os.path.isdir(os.path.join(plugins, sub)):
            env[var] = os.path.join(plugins, sub)
    if target.has('non_local'):
        env['ANSIBLE_TEST_REMOTE_INTERPRETER'] = ''
    return env


def job_script(steps, output_dir):
    """The shell script the sandbox runs: each step in a fresh OUTPUT_DIR, stopping at the first failure."""
    lines = ['#!/bin/bash', 'exec </dev/null',
             '# ansible-test\'s hosts accept its SSH key: targets copy ~/.ssh/authorized_keys (this root is thrown away)',
             'if [ ! -e "$HOME/.ssh/authorized_keys" ]; then mkdir -p -m 0700 "$HOME/.ssh"; '
             'echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBWMbIxCIdWY7D4SBWuzFhQ6jFy1lL5ZYwq8k0OWdcyj compat" '
             '> "$HOME/.ssh/authorized_keys"; chmod 0600 "$HOME/.ssh/authorized_keys"; fi']
    for i, s in enumerate(steps):
        label = ('setup %s' % s.target.name) if i < len(steps) - 1 else s.target.name
        lines.append('rm -rf %s && mkdir -p %s' % (shlex.quote(output_dir), shlex.quote(output_dir)))
        lines.append('echo %s' % shlex.quote('### compat: %s (%s)' % (label, s.target.type)))
        env = ' '.join('%s=%s' % (k, shlex.quote(v)) for k, v in sorted(s.env.items()))
        cmd = ' '.join(shlex.quote(a) for a in s.argv)
        lines.append('(cd %s && exec env -i %s %s)' % (shlex.quote(s.cwd), env, cmd))
        lines.append('rc=$?; if [ $rc != 0 ]; then echo "### compat: %s exited with $rc"; exit $rc; fi' % label)
    lines.append('exit 0')
    return '\n'.join(lines) + '\n'
