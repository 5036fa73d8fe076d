package dev.jplay.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code version} test: LooseVersion (default), StrictVersion, semantic versions and PEP 440, as Ansible compares them. */
final class Versions {
    private static final Pattern LOOSE = Pattern.compile("(\\d+|[a-z]+|\\.)");
    private static final Pattern STRICT = Pattern.compile("^(\\d+)\\.(\\d+)(\\.(\\d+))?([ab](\\d+))?$");
    private static final Pattern SEMVER = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");
    private static final Pattern PEP440 = Pattern.compile("^\\s*v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)"
            + "(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\\d+)?)?"
            + "(?:-(\\d+)|[-_.]?(post|rev|r)[-_.]?(\\d+)?)?"
            + "(?:[-_.]?(dev)[-_.]?(\\d+)?)?(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> OPS = Map.ofEntries(Map.entry("==", "eq"), Map.entry("=", "eq"), Map.entry("eq", "eq"),
            Map.entry("<", "lt"), Map.entry("lt", "lt"), Map.entry("<=", "le"), Map.entry("le", "le"), Map.entry(">", "gt"),
            Map.entry("gt", "gt"), Map.entry(">=", "ge"), Map.entry("ge", "ge"), Map.entry("!=", "ne"), Map.entry("<>", "ne"),
            Map.entry("ne", "ne"));

    private static final java.util.Set<String> KINDS = java.util.Set.of("loose", "strict", "semver", "semantic", "pep440");

    private Versions() {}

    /** {@code value is version(version, operator='eq', strict=None, version_type=None)}. */
    static boolean test(Object value, Fn.Args a) {
        Object version = a.get(0, "version");
        String op = a.str(1, "operator", "eq");
        Object strict = a.get(2, "strict", null);
        Object type = a.get(3, "version_type", null);
        if (strict != null && type != null) throw new EvalError("Cannot specify both 'strict' and 'version_type'");
        if (!PyOps.truthy(value)) throw new EvalError("Input version value cannot be empty");
        if (!PyOps.truthy(version)) throw new EvalError("Version parameter to compare against cannot be empty");
        String kind = strict != null && PyOps.truthy(strict) ? "strict" : type == null ? "loose" : PyOps.str(type);
        if (!KINDS.contains(kind)) {
            throw new EvalError("Invalid version type (" + kind + "). Must be one of 'loose', 'strict', 'semver', 'semantic', 'pep440'");
        }
        String o = OPS.get(op);
        if (o == null) {
            throw new EvalError("Invalid operator type (" + op + "). Must be one of '==', '=', 'eq', '<', 'lt', '<=', 'le', '>', 'gt', "
                    + "'>=', 'ge', '!=', '<>', 'ne'");
        }
        try {
            String symbol = switch (o) {
                case "lt" -> "<";
                case "le" -> "<=";
                case "gt" -> ">";
                case "ge" -> ">=";
                default -> "==";
            };
            int c = compare(PyOps.str(value), PyOps.str(version), kind, symbol);
            return switch (o) {
                case "lt" -> c < 0;
                case "le" -> c <= 0;
                case "gt" -> c > 0;
                case "ge" -> c >= 0;
                case "eq" -> c == 0;
                default -> c != 0;
            };
        } catch (EvalError e) {
            throw new EvalError("Version comparison failed: " + e.getMessage());
        }
    }

    static int compare(String a, String b, String kind, String op) {
        return switch (kind) {
            case "strict" -> strictCompare(a, b);
            case "semver", "semantic" -> semverCompare(a, b);
            case "pep440" -> pepCompare(a, b);
            default -> looseCompare(a, b, op);
        };
    }

    /** LooseVersion components: numbers, lower-case words and any other characters, dots dropped. */
    private static List<Object> loose(String v) {
        List<Object> out = new ArrayList<>();
        Matcher m = LOOSE.matcher(v);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) out.add(v.substring(last, m.start()));
            String t = m.group();
            if (!t.equals(".")) out.add(Character.isDigit(t.charAt(0)) ? (Object) (t.length() < 18 ? BigInteger.valueOf(Long.parseLong(t)) : new BigInteger(t)) : t);
            last = m.end();
        }
        if (last < v.length()) out.add(v.substring(last));
        return out;
    }

    /** Python's list comparison of LooseVersion components; a number against a word fails as Python 3 does. */
    static int looseCompare(String a, String b, String op) {
        List<Object> x = loose(a);
        List<Object> y = loose(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            Object p = x.get(i);
            Object q = y.get(i);
            if (p.equals(q)) continue;
            if (p instanceof BigInteger l && q instanceof BigInteger m) return l.compareTo(m);
            if (p instanceof String s && q instanceof String t) return s.compareTo(t);
            if (op.equals("==")) return 1;
            throw new EvalError("'" + op + "' not supported between instances of '" + (p instanceof String ? "str" : "int") + "' and '"
                    + (q instanceof String ? "str" : "int") + "'");
        }
        return Integer.compare(x.size(), y.size());
    }

    private static int strictCompare(String a, String b) {
        long[] x = strict(a);
        long[] y = strict(b);
        for (int i = 0; i < x.length; i++) if (x[i] != y[i]) return Long.compare(x[i], y[i]);
        return 0;
    }

    private static long[] strict(String v) {
        Matcher m = STRICT.matcher(v);
        if (!m.matches()) throw new EvalError("invalid version number '" + v + "'");
        long pre = m.group(5) == null ? Long.MAX_VALUE : (m.group(5).charAt(0) == 'a' ? 0 : 1_000_000_000L) + Long.parseLong(m.group(6));
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(4) == null ? 0 : Long.parseLong(m.group(4)), pre};
    }

    private static int semverCompare(String a, String b) {
        Matcher x = semver(a);
        Matcher y = semver(b);
        for (int i = 1; i <= 3; i++) {
            int c = new BigInteger(x.group(i)).compareTo(new BigInteger(y.group(i)));
            if (c != 0) return c;
        }
        String px = x.group(4);
        String py = y.group(4);
        if (px == null || py == null) return px == null ? (py == null ? 0 : 1) : -1;
        String[] ix = px.split("\\.");
        String[] iy = py.split("\\.");
        for (int i = 0; i < Math.min(ix.length, iy.length); i++) {
            boolean nx = ix[i].matches("\\d+");
            boolean ny = iy[i].matches("\\d+");
            int c = nx && ny ? new BigInteger(ix[i]).compareTo(new BigInteger(iy[i])) : nx ? -1 : ny ? 1 : ix[i].compareTo(iy[i]);
            if (c != 0) return c;
        }
        return Integer.compare(ix.length, iy.length);
    }

    private static Matcher semver(String v) {
        Matcher m = SEMVER.matcher(v);
        if (!m.matches()) throw new EvalError("invalid semantic version '" + v + "'");
        return m;
    }

    /** PEP 440 ordering: epoch, release (trailing zeros ignored), dev < pre < final < post, local last. */
    private static int pepCompare(String a, String b) {
        List<Comparable<Object>> x = pepKey(a);
        List<Comparable<Object>> y = pepKey(b);
        for (int i = 0; i < x.size(); i++) {
            int c = x.get(i).compareTo(y.get(i));
            if (c != 0) return c;
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static List<Comparable<Object>> pepKey(String v) {
        Matcher m = PEP440.matcher(v);
        if (!m.matches()) throw new EvalError("Invalid version: '" + v + "'");
        List<Comparable<?>> key = new ArrayList<>();
        key.add(m.group(1) == null ? 0L : Long.parseLong(m.group(1)));
        List<Long> release = new ArrayList<>();
        for (String p : m.group(2).split("\\.")) release.add(Long.parseLong(p));
        while (release.size() > 1 && release.get(release.size() - 1) == 0) release.remove(release.size() - 1);
        StringBuilder rel = new StringBuilder();
        for (long r : release) rel.append(String.format("%020d.", r));
        key.add(rel.toString());
        boolean pre = m.group(3) != null;
        boolean post = m.group(5) != null || m.group(6) != null;
        boolean dev = m.group(8) != null;
        String preKind = pre ? switch (m.group(3).toLowerCase(Locale.ROOT)) {
            case "alpha", "a" -> "a";
            case "beta", "b" -> "b";
            default -> "rc";
        } : null;
        long preNum = pre && m.group(4) != null ? Long.parseLong(m.group(4)) : 0;
        // pre-release phase: dev-only releases sort before pre-releases, which sort before finals
        if (!pre && !post && dev) key.add("0");
        else if (pre) key.add("1" + (preKind.equals("a") ? "a" : preKind.equals("b") ? "b" : "c") + String.format("%020d", preNum));
        else key.add("2");
        long postNum = m.group(5) != null ? Long.parseLong(m.group(5)) : m.group(7) != null ? Long.parseLong(m.group(7)) : 0;
        key.add(post ? "1" + String.format("%020d", postNum) : "0");
        long devNum = dev && m.group(9) != null ? Long.parseLong(m.group(9)) : 0;
        key.add(dev ? "0" + String.format("%020d", devNum) : "1");
        key.add(m.group(10) == null ? "" : "~" + m.group(10).toLowerCase(Locale.ROOT));
        return (List<Comparable<Object>>) (List<?>) key;
    }
}
