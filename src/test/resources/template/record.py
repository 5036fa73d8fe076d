#!/usr/bin/python3
"""Records what Ansible's templating makes of each case, as the expected results of TemplateCasesTest.

    /usr/bin/python3 src/test/resources/template/record.py [cases/NAME.yml ...]

Each cases/NAME.yml is a YAML list of template strings; the variables are vars.yml (loaded by Ansible's own
loader, as a vars file would be). cases/NAME.json gets, per case, the rendered value or the error message, as
ansible-core (2.14, jinja2_native off; on for files named native*) produces them through Templar.template(). Files and directories the
cases refer to live in files/ (the search path). Needs ansible-core on /usr/bin/python3; jplay's tests only
read the .json files.
"""
import json
import os
import sys

from ansible import context
from ansible.errors import AnsibleError
from ansible.module_utils.common.collections import ImmutableDict
from ansible.parsing.dataloader import DataLoader
from ansible.template import Templar

HERE = os.path.dirname(os.path.abspath(__file__))


def message(e):
    """The error text without the '. <original>' suffix AnsibleError appends when it wraps an exception; of a chain
    of "An unhandled exception occurred while templating" (a recursive variable), only the innermost message."""
    text = str(e)
    marker = 'original message: '
    if text.startswith('An unhandled exception occurred while templating') and marker in text:
        return text[text.rindex(marker) + len(marker):].replace('. maximum recursion depth exceeded', '')
    orig = getattr(e, 'orig_exc', None)
    if isinstance(e, AnsibleError) and orig is not None:
        suffix = '. ' + str(orig)
        if text.endswith(suffix):
            text = text[:-len(suffix)]
    return text


def plain(v):
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return repr(v)


def main(paths):
    context.CLIARGS = ImmutableDict({})
    os.chdir(os.path.join(HERE, 'files'))
    loader = DataLoader()
    from ansible.parsing.vault import VaultSecret
    loader.set_vault_secrets([('default', VaultSecret(b'pw'))])
    loader.set_basedir(os.path.join(HERE, 'files'))
    variables = loader.load_from_file(os.path.join(HERE, 'vars.yml'))
    import ansible.constants as C
    for path in paths:
        C.DEFAULT_JINJA2_NATIVE = os.path.basename(path).startswith('native')
        cases = loader.load_from_file(path)
        out = []
        for case in cases:
            # a case is a template string, or {t: template, loose: true} when only failing matters (the message
            # is Python's own, e.g. a YAML parser's)
            extra = {'loose': True} if isinstance(case, dict) and case.get('loose') else {}
            text = case['t'] if isinstance(case, dict) else case
            templar = Templar(loader=loader, variables=variables)
            try:
                out.append(dict({'t': text, 'ok': plain(templar.template(text))}, **extra))
            except Exception as e:  # noqa: BLE001 - the oracle records every failure as it is
                out.append(dict({'t': text, 'error': message(e), 'type': type(e).__name__}, **extra))
        with open(path[:-4] + '.json', 'w') as f:
            json.dump(out, f, indent=1)
            f.write('\n')
        print('%s: %d cases' % (os.path.relpath(path), len(out)))


if __name__ == '__main__':
    args = sys.argv[1:] or sorted(os.path.join(HERE, 'cases', n) for n in os.listdir(os.path.join(HERE, 'cases')) if n.endswith('.yml'))
    main([os.path.abspath(a) for a in args])
