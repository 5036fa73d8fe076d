# Regenerates difflib-cases.json: random pairs of texts and Python difflib's unified_diff of them (as Ansible's
# callback calls it: splitlines(True), n=3). Run: python3 difflib-cases.py > difflib-cases.json
import difflib, json, random

rnd = random.Random(18)
cases = []
def lines(n, vocab, end=True):
    ls = [rnd.choice(vocab) + "\n" for _ in range(n)]
    if ls and not end:
        ls[-1] = ls[-1][:-1]
    return ls
def edit(src, vocab):
    out = list(src)
    for _ in range(rnd.randint(0, 6)):
        op = rnd.choice("ids")
        p = rnd.randint(0, len(out))
        if op == "i":
            out[p:p] = [rnd.choice(vocab) + "\n" for _ in range(rnd.randint(1, 4))]
        elif op == "d" and out:
            del out[p:p + rnd.randint(1, 4)]
        elif out:
            out[min(p, len(out) - 1)] = rnd.choice(vocab) + "\n"
    return out
for k in range(280):
    vocab = [chr(97 + v) for v in range(rnd.choice([2, 3, 5, 26]))]
    size = rnd.choice([0, 1, 3, 8, 20, 60]) if k < 265 else rnd.choice([200, 250])
    a = lines(size, vocab, rnd.random() > 0.2)
    b = edit(a, vocab) if rnd.random() > 0.3 else lines(rnd.randint(0, max(1, size)), vocab)
    for side in (a, b):
        if side and not side[-1].endswith("\n"):
            side[-1] += "\n\\ No newline at end of file\n"
    cases.append({"a": a, "b": b, "diff": list(difflib.unified_diff(a, b, "before", "after", n=3))})
print(json.dumps(cases))
