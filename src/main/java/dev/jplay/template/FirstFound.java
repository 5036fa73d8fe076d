package dev.jplay.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The first_found lookup, with Ansible 2.14's reading of terms, {@code files}, {@code paths} and {@code skip}. */
final class FirstFound {
    private FirstFound() {}

    private record Search(List<String> candidates, boolean skip) {}

    static List<Object> run(Env e, List<Object> terms, Map<String, Object> kw) {
        Search s = process(terms, kw);
        for (String f : s.candidates()) {
            String name;
            try {
                name = PyOps.str(e.templar.template(f, e.ctx));
            } catch (TemplateException ex) {
                continue;
            }
            Path p = Lookups.find(e.ctx, name, "files");
            if (p != null) return new ArrayList<>(List.of(p.toAbsolutePath().toString()));
        }
        if (s.skip()) return new ArrayList<>();
        throw Library.LookupFailure.lookupError("No file was found when using first_found.");
    }

    private static Search process(List<?> terms, Map<String, Object> kw) {
        List<String> total = new ArrayList<>();
        boolean skip = false;
        for (Object term : terms) {
            Map<?, ?> options;
            if (term instanceof Map<?, ?> m) {
                options = m;
            } else if (term instanceof CharSequence) {
                options = kw;
            } else if (term instanceof List<?> l) {
                Search inner = process(l, kw);
                total.addAll(inner.candidates());
                skip = inner.skip();
                continue;
            } else {
                throw Library.LookupFailure.lookupError("Invalid term supplied, can handle string, mapping or list of strings but got: "
                        + DictFilters.pyClass(term) + " for " + PyOps.str(term));
            }
            for (Object k : options.keySet()) {
                if (!List.of("files", "paths", "skip").contains(PyOps.keyString(k))) {
                    throw Library.LookupFailure.lookupError("Unrecognized option: " + PyOps.keyString(k));
                }
            }
            List<String> files = split(options.get("files"), ",;");
            List<String> paths = split(options.get("paths"), ",:;");
            skip = options.get("skip") != null && PyOps.truthy(options.get("skip"));
            if (!paths.isEmpty()) {
                for (String path : paths) for (String fn : files) total.add(PathFilters.join(path, fn));
            } else if (!files.isEmpty()) {
                total = new ArrayList<>(files);
            } else {
                total.add(PyOps.str(term));
            }
        }
        return new Search(total, skip);
    }

    /** Ansible's {@code _split_on}: strings split on any of the characters, lists flattened. */
    private static List<String> split(Object v, String chars) {
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        if (v instanceof CharSequence s) {
            for (String part : s.toString().split("[" + chars + "]")) {
                if (!part.isEmpty()) out.add(part);
            }
            return out;
        }
        for (Object o : PyOps.iterate(v)) out.addAll(split(o, chars));
        return out;
    }
}
