"""The suite's committed data: tab-separated files with a header line, one row per target."""
import os

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORACLE = os.path.join(HERE, 'oracle.tsv')
EXCLUDED = os.path.join(HERE, 'excluded.tsv')
JPLAY = os.path.join(HERE, 'jplay.tsv')
TRIAGE = os.path.join(HERE, 'triage.tsv')
STATUS = os.path.join(HERE, 'STATUS.md')

RESULT_COLUMNS = ('target', 'result', 'seconds', 'first failure')
EXCLUDED_COLUMNS = ('target', 'kind', 'reason')
TRIAGE_COLUMNS = ('target', 'category', 'cause')


def read(path):
    """Rows as dicts keyed by the header's columns; {} when the file does not exist."""
    if not os.path.isfile(path):
        return {}
    with open(path, encoding='utf-8') as f:
        lines = [l.rstrip('\n') for l in f if l.strip() and not l.startswith('#')]
    if not lines:
        return {}
    cols = lines[0].split('\t')
    rows = {}
    for line in lines[1:]:
        vals = line.split('\t')
        rows[vals[0]] = dict(zip(cols, vals + [''] * (len(cols) - len(vals))))
    return rows


def write(path, columns, rows, comment=None):
    """rows: dicts; written sorted by target."""
    with open(path, 'w', encoding='utf-8') as f:
        if comment:
            f.write('# %s\n' % comment)
        f.write('\t'.join(columns) + '\n')
        for name in sorted(rows):
            f.write('\t'.join(_clean(rows[name].get(c, '')) for c in columns) + '\n')


def _clean(v):
    return ' '.join(str(v).replace('\t', ' ').split())


def merge(path, columns, new_rows, comment=None):
    """Replaces the rows of the targets in new_rows, keeps the others."""
    rows = read(path)
    rows.update(new_rows)
    write(path, columns, rows, comment)
    return rows
