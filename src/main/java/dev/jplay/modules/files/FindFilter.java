package dev.jplay.modules.files;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code find} module's filters (patterns, excludes, type, hidden, age, size, contains) as Ansible 2.14 applies them. */
final class FindFilter {
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<Pattern> excludes = new ArrayList<>();
    private final String fileType;
    private final boolean hidden;
    private final boolean regex;
    private final Long age;
    private final int ageField;
    private final Long size;
    private final Pattern contains;
    private final boolean wholeFile;
    private final boolean checksum;
    private final double now;

    FindFilter(ModuleArgs a, double now) {
        this.now = now;
        regex = a.bool("use_regex");
        List<String> pats = a.strings("patterns").isEmpty() ? List.of(regex ? ".*" : "*") : a.strings("patterns");
        for (String p : pats) patterns.add(regex ? TextEdit.regex(p, false) : glob(p));
        for (String p : a.strings("excludes")) excludes.add(regex ? TextEdit.regex(p, false) : glob(p));
        fileType = a.str("file_type");
        hidden = a.bool("hidden");
        age = a.has("age") ? amount(a.str("age"), "smhdw", new long[] {1, 60, 3600, 86400, 604800}, "age") : null;
        ageField = switch (a.str("age_stamp")) {
            case "atime" -> 8;
            case "ctime" -> 10;
            default -> 9;
        };
        size = a.has("size") ? amount(a.str("size"), "bkmgt", new long[] {1, 1024, 1L << 20, 1L << 30, 1L << 40}, "size") : null;
        contains = a.has("contains") ? TextEdit.regex(a.str("contains"), false) : null;
        wholeFile = a.bool("read_whole_file");
        checksum = a.bool("get_checksum");
    }

    private static long amount(String s, String units, long[] factors, String what) {
        Matcher m = Pattern.compile("^(-?\\d+)([" + units + "])?$").matcher(s.toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException("failed to process " + what);
        return Long.parseLong(m.group(1)) * (m.group(2) == null ? 1 : factors[units.indexOf(m.group(2))]);
    }

    /** Python's fnmatch as a regular expression. */
    static Pattern glob(String g) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            int close = c == '[' ? g.indexOf(']', i + 2) : -1;
            if (c == '*') sb.append(".*");
            else if (c == '?') sb.append('.');
            else if (close > 0) {
                String set = g.substring(i + 1, close);
                String body = (set.startsWith("!") ? set.substring(1) : set).replace("\\", "\\\\").replace("[", "\\[");
                sb.append(set.startsWith("!") ? "[^" : "[").append(body).append(']');
                i = close;
            } else sb.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }

    /** The stat dict for a listing line ({@code find -printf} fields) when it passes the name/type/age/size filters. */
    Map<String, Object> accept(String[] f) {
        String path = f[13];
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.startsWith(".") && !hidden) return null;
        char t = f[0].charAt(0);
        boolean typeOk = switch (fileType) {
            case "any" -> true;
            case "directory" -> t == 'd';
            case "link" -> t == 'l';
            default -> t == 'f';
        };
        if (!typeOk || !names(name) || !ageOk(Double.parseDouble(f[ageField]))) return null;
        if (t == 'f' && !sizeOk(Long.parseLong(f[4]))) return null;
        return statInfo(f, path);
    }

    private boolean names(String name) {
        for (Pattern p : patterns) {
            if (!nameMatch(p, name)) continue;
            for (Pattern e : excludes) if (nameMatch(e, name)) return false;
            return true;
        }
        return false;
    }

    /** Regexps match at the start of the name (re.match), globs the whole name (fnmatch). */
    private boolean nameMatch(Pattern p, String name) {
        return regex ? p.matcher(name).lookingAt() : p.matcher(name).matches();
    }

    private boolean ageOk(double stamp) {
        if (age == null) return true;
        return age >= 0 ? now - stamp >= Math.abs(age) : now - stamp <= Math.abs(age);
    }

    private boolean sizeOk(long bytes) {
        if (size == null) return true;
        return size >= 0 ? bytes >= Math.abs(size) : bytes <= Math.abs(size);
    }

    private static Map<String, Object> statInfo(String[] f, String path) {
        Map<String, Object> r = new LinkedHashMap<>();
        int mode = Integer.parseInt(f[1], 8);
        Stat.putCommon(r, path, mode, f[0].charAt(0), f, 2);
        r.put("gr_name", f[12]);
        r.put("pw_name", f[11]);
        Stat.permissionBits(r, mode);
        return r;
    }

    /** Applies {@code contains} and adds checksums, reading the candidate files in one command. */
    List<Map<String, Object>> byContentAndChecksum(ModuleContext ctx, List<Map<String, Object>> files) throws ConnectionException {
        boolean readContent = contains != null && fileType.equals("file");
        if (files.isEmpty() || (!readContent && !checksum)) return files;
        List<String> paths = files.stream().map(m -> (String) m.get("path")).toList();
        PathProbe.Result pr = PathProbe.run(ctx, paths, (checksum ? "c" : "") + (readContent ? "b" : ""), "");
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Map<String, Object> m = files.get(i);
            if (readContent && !containsMatch(pr.content(paths.get(i)))) continue;
            if (checksum && pr.state(i).checksum() != null) m.put("checksum", pr.state(i).checksum());
            out.add(m);
        }
        return out;
    }

    private boolean containsMatch(byte[] data) {
        if (data == null) return false;
        String text = Texts.utf8(data);
        if (wholeFile) return contains.matcher(text).find();
        for (String line : TextEdit.lines(text)) if (contains.matcher(line).lookingAt()) return true;
        return false;
    }
}
