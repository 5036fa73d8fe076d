"""Integration targets of an ansible-core source tree: aliases, dependencies, and why a target is left out.

Follows what `ansible-test integration` does for POSIX targets on the local controller (test/lib/ansible_test/
_internal/target.py and commands/integration/filters.py in ansible-core 2.14), re-expressed here.
"""
import os
import re

PLUGIN_DIRS = ('action_plugins', 'callback_plugins', 'filter_plugins', 'lookup_plugins', 'test_plugins',
               'connection_plugins', 'vars_plugins', 'inventory_plugins', 'cache_plugins', 'strategy_plugins',
               'become_plugins', 'shell_plugins', 'terminal_plugins', 'cliconf_plugins', 'httpapi_plugins',
               'netconf_plugins', 'module_utils')
COLLECTION_PLUGIN_TYPES = ('action', 'callback', 'filter', 'lookup', 'test', 'connection', 'vars', 'inventory',
                           'cache', 'strategy', 'become', 'shell', 'module_utils', 'cliconf', 'httpapi', 'netconf')


def read_aliases(path):
    """The aliases of a target: one per line, `#` to the end of the line (and the spaces before it) removed."""
    if not os.path.isfile(path):
        return ()
    with open(path, encoding='utf-8') as f:
        lines = [re.sub(r' *#.*$', '', line.rstrip('\n')) for line in f]
    return tuple(line.strip() for line in lines if line.strip())


def expand_groups(groups):
    """Every alias plus each of its path prefixes: `needs/target/x` also gives `needs/target` and `needs`."""
    out = list(groups)
    for g in groups:
        parts = g.split('/')
        for i in range(1, len(parts)):
            out.append('/'.join(parts[:i]))
    return out


class Target:
    """One directory under test/integration/targets."""

    def __init__(self, targets_dir, name):
        self.name = name
        self.path = os.path.join(targets_dir, name)
        self.script = os.path.isfile(os.path.join(self.path, 'runme.sh'))
        self.type = 'script' if self.script else 'role'
        self.static_aliases = read_aliases(os.path.join(self.path, 'aliases'))
        groups = [self.type] + list(self.static_aliases)
        if 'destructive' not in groups:
            groups.append('non_destructive')
        if 'needs/httptester' in groups:
            groups.append('cloud/httptester')
        if name.startswith('win_'):
            groups.append('windows')
        if name.startswith('connection_'):
            groups.append('connection')
        if name.startswith('setup_') or name.startswith('prepare_'):
            groups.append('hidden')
        self.skips = tuple(g for g in groups if g.startswith('skip/'))
        self.groups = frozenset(expand_groups(groups))
        self.needs_target = sorted({g.split('/')[2] for g in self.groups if g.startswith('needs/target/')})
        self.needs_file = sorted({'/'.join(g.split('/')[2:]) for g in self.groups if g.startswith('needs/file/')})
        self.setup_once = sorted({g.split('/')[2] for g in self.groups if g.startswith('setup/once/')})
        self.setup_always = sorted({g.split('/')[2] for g in self.groups if g.startswith('setup/always/')})
        self.gather_facts = 'gather_facts/no' not in self.groups

    def has(self, group):
        return group in self.groups

    def __repr__(self):
        return 'Target(%s)' % self.name


def discover(targets_dir):
    """All targets, by name."""
    return {n: Target(targets_dir, n) for n in sorted(os.listdir(targets_dir))
            if os.path.isdir(os.path.join(targets_dir, n))}


def dependencies(targets):
    """name -> set of the targets it needs copied beside it (setup/*, needs/target/*, links into other targets,
    hidden role targets named in meta/ files), transitively; as ansible-test's dependency analysis."""
    hidden_roles = {t.name for t in targets.values() if t.type == 'role' and t.has('hidden')}
    deps = {n: set() for n in targets}
    for t in targets.values():
        deps[t.name].update(t.setup_always + t.setup_once + t.needs_target)
        deps[t.name].update(_linked_targets(t, targets))
        meta = os.path.join(t.path, 'meta')
        for root, _, files in os.walk(meta):
            for f in files:
                deps[t.name].update(_hidden_named_in(os.path.join(root, f), hidden_roles))
        deps[t.name].discard(t.name)
    changed = True
    while changed:
        changed = False
        for n, ds in deps.items():
            for d in list(ds):
                extra = deps.get(d, set()) - ds - {n}
                if extra:
                    ds.update(extra)
                    changed = True
    return deps


def _linked_targets(target, targets):
    root = os.path.realpath(os.path.dirname(target.path)) + '/'
    found = set()
    for dirpath, dirnames, filenames in os.walk(target.path):
        for entry in dirnames + filenames:
            p = os.path.join(dirpath, entry)
            if os.path.islink(p):
                real = os.path.realpath(p)
                if real.startswith(root):
                    other = real[len(root):].split('/')[0]
                    if other != target.name and other in targets:
                        found.add(other)
    return found


def _hidden_named_in(path, hidden_roles):
    try:
        with open(path, encoding='utf-8') as f:
            lines = f.read().splitlines()
    except (UnicodeDecodeError, OSError):
        return set()
    found = set()
    for line in lines:
        if re.search(r'^ *#.*$', line) or not line.strip():
            continue
        found.update(h for h in hidden_roles if h in line)
    return found


def static_exclusion(t):
    """Why ansible-test would not run this target on a local POSIX controller (as root, in a throwaway root that
    counts as a managed host, so `destructive` targets run), or None."""
    g = t.groups
    rules = (
        ('hidden', 'hidden (setup/prepare role or support target)'),
        ('windows', 'windows target'),
        ('network', 'network appliance target'),
        ('cloud', 'needs a cloud/test service (%s)' % ','.join(sorted(x for x in g if x.startswith('cloud/')))),
        ('disabled', 'disabled in ansible-core'),
        ('unsupported', 'unsupported in ansible-core (needs special infrastructure)'),
        ('unstable', 'unstable in ansible-core'),
        ('needs/ssh', 'needs an SSH server on the controller (needs/ssh)'),
        ('skip/python3', 'skipped on Python 3 (skip/python3)'),
        ('skip/python3.11', 'skipped on Python 3.11'),
        ('skip/x86_64', 'skipped on x86_64'),
    )
    for group, reason in rules:
        if group in g:
            return reason
    if 'posix' not in g and any(x in g for x in ('windows', 'network')):
        return 'not a POSIX target'
    if t.name == 'ansible-test' or t.name.startswith('ansible-test-'):
        return 'tests ansible-test itself (containers, sanity, units), not the engine'
    return None


def _files(target, targets, deps):
    """(path parts relative to the targets dir, relative path, full path) of each file of the target and of the
    targets it needs."""
    for name in [target.name] + sorted(deps.get(target.name, ())):
        base = targets[name].path
        for dirpath, _, filenames in os.walk(base):
            rel = os.path.relpath(dirpath, os.path.dirname(base))
            for f in sorted(filenames):
                yield rel.split(os.sep), os.path.join(rel, f), os.path.join(dirpath, f)


def python_plugins(target, targets, deps):
    """Python controller plugins (and module_utils) inside the target or the targets it needs: paths relative
    to the targets dir. jplay runs no Python on the controller, so a target that needs these is not runnable."""
    configured = _configured_plugin_dirs(target)
    return [rel for parts, rel, _ in _files(target, targets, deps)
            if rel.endswith('.py') and not rel.endswith('__init__.py')
            and (any(p in PLUGIN_DIRS or p.endswith('_plugins') or p in configured for p in parts[1:])
                 or _collection_plugin(parts))]


def _configured_plugin_dirs(target):
    """Directory names a target's runme.sh sets as a plugin path (ANSIBLE_CONNECTION_PLUGINS=./fake_connectors)."""
    runme = os.path.join(target.path, 'runme.sh')
    if not os.path.isfile(runme):
        return set()
    with open(runme, encoding='utf-8', errors='replace') as f:
        text = f.read()
    names = set()
    for value in re.findall(r'ANSIBLE_\w+_PLUGINS=(\S+)', text):
        for part in value.strip('"\'').split(':'):
            name = os.path.basename(os.path.normpath(part))
            if name not in ('', '.', '..'):
                names.add(name)
    return names


def _collection_plugin(parts):
    # plugins/TYPE/... : in a collection (ansible_collections/NS/COLL/plugins) or configured by path
    for i, p in enumerate(parts):
        if p == 'plugins' and i + 1 < len(parts):
            return parts[i + 1] in COLLECTION_PLUGIN_TYPES
    return False
