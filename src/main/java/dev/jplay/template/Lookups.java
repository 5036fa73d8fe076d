package dev.jplay.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/** Lookup plugins ({@code lookup('file', ...)}, {@code with_items}, ...), run on the controller. Each returns a list. */
final class Lookups {
    private Lookups() {}

    static void register(Map<String, Fn.Lookup> l) {
        l.put("file", (e, terms, kw) -> {
            List<Object> out = new ArrayList<>();
            for (Object t : terms) {
                Path p = find(e, PyOps.str(t), "files");
                if (p == null) throw new EvalError("could not locate file in lookup: " + PyOps.str(t));
                String s = read(p);
                if (!kw.containsKey("rstrip") || PyOps.truthy(kw.get("rstrip"))) s = PyMethods.strip(s, null, false, true);
                if (kw.containsKey("lstrip") && PyOps.truthy(kw.get("lstrip"))) s = PyMethods.strip(s, null, true, false);
                out.add(s);
            }
            return out;
        });
        l.put("env", (e, terms, kw) -> {
            List<Object> out = new ArrayList<>();
            for (Object t : terms) {
                String v = System.getenv(PyOps.str(t));
                out.add(v != null ? v : kw.getOrDefault("default", ""));
            }
            return out;
        });
        l.put("template", (e, terms, kw) -> {
            List<Object> out = new ArrayList<>();
            for (Object t : terms) {
                Path p = find(e, PyOps.str(t), "templates");
                if (p == null) throw new EvalError("the template file " + PyOps.str(t) + " could not be found for the lookup");
                Map<String, Object> extra = new LinkedHashMap<>();
                if (kw.get("template_vars") instanceof Map<?, ?> m) m.forEach((k, v) -> extra.put(String.valueOf(k), v));
                Env sub = new Env(e.templar, e.ctx.withScope(e.ctx.scope().with(extra)));
                out.add(e.templar.renderNested(p, sub));
            }
            return out;
        });
        l.put("pipe", (e, terms, kw) -> {
            List<Object> out = new ArrayList<>();
            for (Object t : terms) out.add(PyMethods.strip(run(PyOps.str(t)), null, false, true));
            return out;
        });
        l.put("lines", (e, terms, kw) -> {
            List<Object> out = new ArrayList<>();
            for (Object t : terms) out.addAll(PyMethods.lines(run(PyOps.str(t))));
            return out;
        });
        l.put("fileglob", (e, terms, kw) -> {
            List<Object> out = new ArrayList<>();
            for (Object t : terms) out.addAll(glob(e, PyOps.str(t)));
            return out;
        });
        l.put("items", (e, terms, kw) -> {
            List<Object> out = new ArrayList<>();
            for (Object t : terms) {
                if (t instanceof List<?> inner) out.addAll(inner);
                else out.add(t);
            }
            return out;
        });
        l.put("flattened", (e, terms, kw) -> {
            List<Object> out = new ArrayList<>();
            flatten(terms, out);
            return out;
        });
        l.put("list", (e, terms, kw) -> new ArrayList<>(terms));
        l.put("dict", (e, terms, kw) -> {
            List<Object> out = new ArrayList<>();
            for (Object t : terms) {
                if (!(t instanceof Map<?, ?> m)) throw new EvalError("with_dict expects a dict");
                m.forEach((k, v) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("key", k);
                    item.put("value", v);
                    out.add(item);
                });
            }
            return out;
        });
        l.put("indexed_items", (e, terms, kw) -> {
            List<Object> out = new ArrayList<>();
            List<Object> items = terms.size() == 1 && terms.get(0) instanceof List<?> inner ? new ArrayList<>(inner) : terms;
            for (int i = 0; i < items.size(); i++) out.add(new ArrayList<>(List.of((long) i, items.get(i))));
            return out;
        });
        l.put("nested", (e, terms, kw) -> {
            List<Object> out = new ArrayList<>();
            out.add(new ArrayList<>());
            for (Object t : terms) {
                List<Object> next = new ArrayList<>();
                for (Object prefix : out) {
                    for (Object x : PyOps.iterate(t)) {
                        List<Object> row = new ArrayList<>((List<?>) prefix);
                        row.add(x);
                        next.add(row);
                    }
                }
                out = next;
            }
            return out;
        });
        l.put("cartesian", l.get("nested"));
        l.put("together", (e, terms, kw) -> {
            List<Object> out = new ArrayList<>();
            int n = terms.stream().mapToInt(t -> PyOps.size(t)).max().orElse(0);
            for (int i = 0; i < n; i++) {
                List<Object> row = new ArrayList<>();
                for (Object t : terms) {
                    List<Object> l2 = PyOps.iterate(t);
                    row.add(i < l2.size() ? l2.get(i) : null);
                }
                out.add(row);
            }
            return out;
        });
        l.put("subelements", (e, terms, kw) -> {
            boolean skip = terms.size() > 2 && terms.get(2) instanceof Map<?, ?> m && PyOps.truthy(m.get("skip_missing") == null ? false : m.get("skip_missing"));
            List<Object> items = terms.get(0) instanceof Map<?, ?> m ? new ArrayList<>(m.values()) : PyOps.iterate(terms.get(0));
            return subelements(items, PyOps.str(terms.get(1)), skip);
        });
        l.put("sequence", (e, terms, kw) -> {
            List<Object> out = new ArrayList<>();
            for (Object t : terms) out.addAll(sequence(PyOps.str(t)));
            return out;
        });
        l.put("vars", (e, terms, kw) -> {
            List<Object> out = new ArrayList<>();
            for (Object t : terms) {
                Object v = e.lookup(PyOps.str(t));
                if (v instanceof Undefined) {
                    if (!kw.containsKey("default")) throw new EvalError("No variable found with this name: " + PyOps.str(t));
                    v = kw.get("default");
                }
                out.add(v);
            }
            return out;
        });
        l.put("first_found", Lookups::firstFound);
        l.put("random_choice", (e, terms, kw) -> terms.isEmpty() ? List.of() : List.of(terms.get(new Random().nextInt(terms.size()))));
    }

    static List<Object> subelements(List<Object> items, String key, boolean skipMissing) {
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Object sub = item;
            for (String k : key.split("\\.")) sub = sub instanceof Map<?, ?> m && m.containsKey(k) ? m.get(k) : null;
            if (sub == null) {
                if (skipMissing) continue;
                throw new EvalError("could not find '" + key + "' key in iterated item '" + dev.jplay.data.Py.repr(item) + "'");
            }
            for (Object s : PyOps.iterate(sub)) out.add(new ArrayList<>(List.of(item, s)));
        }
        return out;
    }

    private static void flatten(List<?> l, List<Object> out) {
        for (Object o : l) {
            if (o instanceof List<?> inner) flatten(inner, out);
            else out.add(o);
        }
    }

    /** The first existing candidate: the name as is when absolute, else in each search path (kind subdir first). */
    static Path find(Env e, String name, String kind) {
        Path p = Path.of(name);
        if (p.isAbsolute()) return Files.exists(p) ? p : null;
        for (Path base : e.ctx.searchPaths()) {
            for (Path c : List.of(base.resolve(kind).resolve(name), base.resolve(name))) {
                if (Files.exists(c)) return c.normalize();
            }
        }
        return null;
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new EvalError("could not read file " + p + ": " + ex.getMessage());
        }
    }

    private static String run(String command) {
        try {
            Process proc = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(false).start();
            proc.getOutputStream().close();
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = proc.waitFor();
            if (rc != 0) throw new EvalError("lookup_plugin.pipe(" + command + ") returned " + rc);
            return out;
        } catch (IOException ex) {
            throw new EvalError("cannot run " + command + ": " + ex.getMessage());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new EvalError("interrupted");
        }
    }

    private static List<Object> glob(Env e, String pattern) {
        Path pat = Path.of(pattern);
        List<Path> dirs = new ArrayList<>();
        String filePattern = pat.getFileName().toString();
        if (pat.isAbsolute()) {
            dirs.add(pat.getParent());
        } else {
            for (Path base : e.ctx.searchPaths()) {
                Path sub = pat.getParent() == null ? Path.of("") : pat.getParent();
                dirs.add(base.resolve("files").resolve(sub));
                dirs.add(base.resolve(sub));
            }
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + filePattern);
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            List<Object> found = new ArrayList<>();
            try (Stream<Path> s = Files.list(d)) {
                s.filter(Files::isRegularFile).filter(x -> m.matches(x.getFileName())).sorted()
                        .forEach(x -> found.add(x.toAbsolutePath().normalize().toString()));
            } catch (IOException ex) {
                continue;
            }
            if (!found.isEmpty()) return found;
        }
        return List.of();
    }

    private static List<Object> firstFound(Env e, List<Object> terms, Map<String, Object> kw) {
        List<String> files = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        boolean skip = kw.containsKey("skip") && PyOps.truthy(kw.get("skip"));
        for (Object t : terms) {
            if (t instanceof Map<?, ?> m) {
                if (m.get("files") != null) for (Object f : listOf(m.get("files"))) files.add(PyOps.str(f));
                if (m.get("paths") != null) for (Object p : listOf(m.get("paths"))) paths.add(PyOps.str(p));
                if (m.get("skip") != null) skip = PyOps.truthy(m.get("skip"));
            } else {
                for (Object f : listOf(t)) files.add(PyOps.str(f));
            }
        }
        if (kw.get("files") != null) for (Object f : listOf(kw.get("files"))) files.add(PyOps.str(f));
        if (kw.get("paths") != null) for (Object p : listOf(kw.get("paths"))) paths.add(PyOps.str(p));
        for (String f : files) {
            if (paths.isEmpty()) {
                Path p = find(e, f, "files");
                if (p != null) return new ArrayList<>(List.of(p.toAbsolutePath().toString()));
            } else {
                for (String dir : paths) {
                    Path p = find(e, Path.of(dir).resolve(f).toString(), "files");
                    if (p != null) return new ArrayList<>(List.of(p.toAbsolutePath().toString()));
                }
            }
        }
        if (skip) return new ArrayList<>();
        throw new EvalError("No file was found when using first_found.");
    }

    private static List<Object> listOf(Object v) {
        if (v instanceof List<?> l) return new ArrayList<>(l);
        if (v instanceof CharSequence s) return new ArrayList<>(List.of((Object[]) s.toString().split("[,;]")));
        return new ArrayList<>(List.of(v));
    }

    private static List<Object> sequence(String spec) {
        long start = 1;
        long end = 0;
        long stride = 1;
        Long count = null;
        String format = "%d";
        String s = spec.strip();
        if (s.matches("\\d+-\\d+(/\\d+)?")) {
            String[] p = s.split("[-/]");
            start = Long.parseLong(p[0]);
            end = Long.parseLong(p[1]);
            if (p.length > 2) stride = Long.parseLong(p[2]);
        } else {
            for (String kv : s.split("\\s+")) {
                String[] p = kv.split("=", 2);
                switch (p[0]) {
                    case "start" -> start = Long.decode(p[1]);
                    case "end" -> end = Long.decode(p[1]);
                    case "stride" -> stride = Long.decode(p[1]);
                    case "count" -> count = Long.decode(p[1]);
                    case "format" -> format = p[1];
                    default -> throw new EvalError("unrecognized arguments to with_sequence: " + p[0]);
                }
            }
        }
        if (count != null) end = start + (count - 1) * stride;
        List<Object> out = new ArrayList<>();
        for (long i = start; stride > 0 ? i <= end : i >= end; i += stride) out.add(PyFormat.percent(format, i));
        return out;
    }
}
