package dev.jplay.template;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code random.Random} (Mersenne Twister MT19937, seeded as Python 3 seeds it), so that
 * {@code random(seed=inventory_hostname)} and {@code shuffle(seed=...)} give the numbers Ansible gives.
 */
final class PyRandom {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int mti = N + 1;

    /** Seeded as {@code random.Random(seed)}: strings through SHA-512 (version 2), integers by their absolute value. */
    PyRandom(Object seed) {
        BigInteger key;
        if (seed instanceof CharSequence s) {
            byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
            byte[] digest;
            try {
                digest = MessageDigest.getInstance("SHA-512").digest(b);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            byte[] all = new byte[b.length + digest.length];
            System.arraycopy(b, 0, all, 0, b.length);
            System.arraycopy(digest, 0, all, b.length, digest.length);
            key = new BigInteger(1, all);
        } else if (PyOps.isInt(seed)) {
            key = PyOps.big(seed).abs();
        } else if (seed instanceof Double d) {
            key = BigInteger.valueOf(Double.valueOf(d).hashCode()).abs();
        } else {
            key = BigInteger.valueOf(PyOps.str(seed).hashCode()).abs();
        }
        List<Integer> words = new ArrayList<>();
        BigInteger mask = BigInteger.valueOf(0xffffffffL);
        do {
            words.add(key.and(mask).intValue());
            key = key.shiftRight(32);
        } while (key.signum() > 0);
        initByArray(words);
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (mti = 1; mti < N; mti++) mt[mti] = 1812433253 * (mt[mti - 1] ^ (mt[mti - 1] >>> 30)) + mti;
    }

    private void initByArray(List<Integer> key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        int len = key.size();
        for (int k = Math.max(N, len); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key.get(j) + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= len) j = 0;
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
    }

    private int next32() {
        if (mti >= N) {
            int kk;
            for (kk = 0; kk < N - M; kk++) {
                int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            for (; kk < N - 1; kk++) {
                int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            int y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
            mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            mti = 0;
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** {@code getrandbits(k)} for k up to 63. */
    long bits(int k) {
        if (k <= 32) return (next32() & 0xffffffffL) >>> (32 - k);
        long low = next32() & 0xffffffffL;
        long high = (next32() & 0xffffffffL) >>> (64 - k);
        return (high << 32) | low;
    }

    /** {@code _randbelow(n)}: uniform in [0, n). */
    long below(long n) {
        if (n <= 0) throw new EvalError("empty range for randrange()");
        int k = 64 - Long.numberOfLeadingZeros(n);
        long r = bits(k);
        while (r >= n) r = bits(k);
        return r;
    }

    /** {@code randrange(start, stop, step)}. */
    long randrange(long start, long stop, long step) {
        if (step == 1) {
            if (stop <= start) throw new EvalError("empty range for randrange() (" + start + ", " + stop + ", " + (stop - start) + ")");
            return start + below(stop - start);
        }
        if (step == 0) throw new EvalError("zero step for randrange()");
        long width = stop - start;
        long n = step > 0 ? (width + step - 1) / step : (width + step + 1) / step;
        if (n <= 0) throw new EvalError("empty range for randrange()");
        return start + step * below(n);
    }

    /** {@code shuffle(x)} in place. */
    void shuffle(List<Object> x) {
        for (int i = x.size() - 1; i > 0; i--) {
            int j = (int) below(i + 1L);
            Object t = x.get(i);
            x.set(i, x.get(j));
            x.set(j, t);
        }
    }
}
