package dev.jplay.template;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.List;

/** The {@code random} and {@code shuffle} filters: Python's generator when seeded (same results as Ansible), a secure one otherwise. */
final class Randoms {
    private Randoms() {}

    /** {@code end | random(start=None, step=None, seed=None)}: an int in range(start, end, step), or an item of a sequence. */
    static Object random(Env e, Object v, Fn.Args a) {
        Object seed = a.get(2, "seed", null);
        Object start = a.get(0, "start", null);
        Object step = a.get(1, "step", null);
        if (PyOps.isInt(v) && !(v instanceof Boolean)) {
            long s = start == null || !PyOps.truthy(start) ? 0 : PyOps.index(start);
            long st = step == null || !PyOps.truthy(step) ? 1 : PyOps.index(step);
            long end = PyOps.index(v);
            if (seed != null) return new PyRandom(seed).randrange(s, end, st);
            long width = st > 0 ? (end - s + st - 1) / st : (end - s + st + 1) / st;
            if (width <= 0) throw new EvalError("empty range for randrange()");
            return s + st * new SecureRandom().nextLong(width);
        }
        if (PyOps.iterable(v)) {
            if ((start != null && PyOps.truthy(start)) || (step != null && PyOps.truthy(step))) {
                throw new EvalError("start and step can only be used with integer values");
            }
            List<Object> items = PyOps.iterate(v);
            if (items.isEmpty()) throw new EvalError("Cannot choose from an empty sequence");
            int i = seed != null ? (int) new PyRandom(seed).below(items.size()) : new SecureRandom().nextInt(items.size());
            return items.get(i);
        }
        throw new EvalError("random can only be used on sequences and integers");
    }

    /** {@code shuffle(seed=None)}: a shuffled copy; a value that is not a sequence is returned as it is (as in Ansible). */
    static Object shuffle(Env e, Object v, Fn.Args a) {
        if (!PyOps.iterable(v)) return v;
        List<Object> l = PyOps.iterate(v);
        Object seed = a.get(0, "seed", null);
        if (seed != null && PyOps.truthy(seed)) new PyRandom(seed).shuffle(l);
        else Collections.shuffle(l, new SecureRandom());
        return l;
    }
}
