package dev.jplay.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters, tests, lookups and global functions templates can use, found by name when a template is parsed:
 * each family answers from a {@code switch}, so nothing is built at start-up and only the functions a playbook uses
 * are ever loaded. Collection-qualified names ({@code ansible.builtin.to_json}) resolve to the short ones.
 */
final class Library {
    /** Filters that accept an undefined value (everything else fails on one). */
    static final Set<String> UNDEFINED_OK = Set.of("default", "d", "mandatory", "type_debug", "pprint", "attr", "to_yaml",
            "to_nice_yaml", "dict2items");
    private static final List<String> PREFIXES = List.of("ansible.builtin.", "ansible.legacy.");
    /** Jinja2's own filters and tests: Ansible does not know them by a collection-qualified name. */
    private static final Set<String> JINJA_ONLY = Set.of("abs", "attr", "batch", "capitalize", "center", "count", "d", "default",
            "dictsort", "e", "escape", "filesizeformat", "first", "float", "forceescape", "format", "groupby", "indent", "int", "items",
            "join", "last", "length", "list", "lower", "map", "max", "min", "pprint", "reject", "rejectattr", "replace", "reverse",
            "round", "safe", "select", "selectattr", "slice", "sort", "string", "striptags", "sum", "title", "tojson", "trim",
            "truncate", "upper", "urlencode", "urlize", "wordcount", "wordwrap", "xmlattr");
    private static final Set<String> JINJA_ONLY_TESTS = Set.of("!=", "<", "<=", "==", ">", ">=", "boolean", "callable", "defined",
            "divisibleby", "eq", "equalto", "escaped", "even", "false", "filter", "float", "ge", "greaterthan", "gt", "in", "integer",
            "iterable", "le", "lessthan", "lower", "lt", "mapping", "ne", "none", "number", "odd", "sameas", "sequence", "string",
            "test", "true", "undefined", "upper");

    private Library() {}

    static String shortName(String name) {
        if (name.indexOf('.') < 0) return name;
        for (String p : PREFIXES) if (name.startsWith(p)) return name.substring(p.length());
        return name;
    }

    private static boolean qualified(String name) {
        return !shortName(name).equals(name);
    }

    /**
     * The filter called {@code name}, or null. One switch names every filter and its family, so only the families a
     * playbook uses are ever loaded.
     */
    static Fn.Filter filter(String name) {
        String n = shortName(name);
        if (qualified(name) && JINJA_ONLY.contains(n) || n.contains(".")) return null;
        return switch (n) {
            case "length", "count", "first", "last", "list", "reverse", "join", "min", "max", "sum", "sort", "unique", "batch",
                    "slice", "groupby", "dictsort", "items", "random", "shuffle" -> CollectionFilters.get(n);
            case "union", "intersect", "difference", "symmetric_difference", "combinations", "permutations", "product", "zip",
                    "zip_longest", "flatten" -> SetFilters.get(n);
            case "combine", "dict2items", "items2dict", "rekey_on_member", "extract", "subelements" -> DictFilters.get(n);
            case "map", "select", "reject", "selectattr", "rejectattr", "attr" -> HigherFilters.get(n);
            case "lower", "upper", "capitalize", "title", "trim", "string", "replace", "split", "center", "indent",
                    "wordcount", "truncate", "wordwrap", "format", "quote", "comment" -> StringFilters.get(n);
            case "regex_replace", "regex_search", "regex_findall", "regex_escape" -> RegexFilters.get(n);
            case "e", "escape", "forceescape", "safe", "striptags", "xmlattr", "urlize", "urlencode", "urldecode", "urlsplit" -> HtmlFilters.get(n);
            case "basename", "dirname", "expanduser", "expandvars", "realpath", "relpath", "path_join", "splitext",
                    "win_basename", "win_dirname", "win_splitdrive", "fileglob" -> PathFilters.get(n);
            case "default", "d", "mandatory", "bool", "int", "float", "abs", "round", "ternary", "type_debug", "to_uuid" -> DataFilters.get(n);
            case "to_json", "to_nice_json", "tojson", "from_json", "to_yaml", "to_nice_yaml", "from_yaml", "from_yaml_all",
                    "pprint", "b64encode", "b64decode" -> FormatFilters.get(n);
            case "log", "pow", "root", "human_readable", "human_to_bytes", "filesizeformat" -> MathFilters.get(n);
            case "strftime", "to_datetime" -> TimeFilters.get(n);
            case "hash", "checksum", "sha1", "md5", "password_hash", "vault", "unvault" -> CryptFilters.get(n);
            default -> null;
        };
    }

    static Fn.Test test(String name) {
        String n = shortName(name);
        if (qualified(name) && JINJA_ONLY_TESTS.contains(n) || n.contains(".")) return null;
        return switch (n) {
            case "defined", "undefined", "none", "string", "number", "integer", "float", "boolean", "true", "false", "mapping",
                    "sequence", "iterable", "callable", "escaped", "filter", "test", "sameas", "divisibleby", "even", "odd",
                    "lower", "upper", "in", "contains", "eq", "equalto", "==", "ne", "!=", "lt", "lessthan", "<", "le", "<=",
                    "gt", "greaterthan", ">", "ge", ">=", "truthy", "falsy", "match", "search", "regex", "version",
                    "version_compare", "any", "all", "nan", "isnan", "subset", "issubset", "superset", "issuperset",
                    "vault_encrypted", "uri", "url", "urn" -> Tests.get(n);
            case "failed", "failure", "succeeded", "success", "successful", "changed", "change", "skipped", "skip",
                    "unreachable", "reachable", "finished", "started" -> ResultTests.get(n);
            case "file", "is_file", "directory", "is_dir", "link", "is_link", "exists", "link_exists", "abs", "is_abs",
                    "same_file", "is_same_file", "mount", "is_mount" -> PathTests.get(n);
            default -> null;
        };
    }

    static Fn.Lookup lookup(String name) {
        String n = shortName(name);
        if (n.contains(".")) return null;
        return switch (n) {
            case "file", "env", "template", "pipe", "lines", "fileglob", "vars", "varnames", "first_found", "config",
                    "unvault", "url", "password" -> Lookups.get(n);
            case "items", "list", "flattened", "dict", "indexed_items", "nested", "cartesian", "together", "subelements",
                    "sequence", "random_choice" -> ListLookups.get(n);
            case "ini", "csvfile", "inventory_hostnames" -> DataLookups.get(n);
            default -> null;
        };
    }

    static boolean has(TemplateCheck.Kind kind, String name) {
        return switch (kind) {
            case FILTER -> filter(name) != null;
            case TEST -> test(name) != null;
            case LOOKUP -> lookup(name) != null;
        };
    }

    /** "did you mean 'x'?" for an unknown name, or null. */
    static String suggest(TemplateCheck.Kind kind, String name) {
        return dev.jplay.source.Suggest.closest(shortName(name), Catalog.names(kind)).map(s -> "did you mean '" + s + "'?").orElse(null);
    }

    /** Jinja2's and Ansible's global functions ({@code now} and {@code lookup}/{@code query} are Ansible's). */
    static Object global(String name) {
        return switch (name) {
            case "range" -> (PyCallable) (env, args, kw) -> Globals.range(args);
            case "dict" -> (PyCallable) (env, args, kw) -> env.own(Globals.dict(args, kw));
            case "namespace" -> (PyCallable) (env, args, kw) -> Globals.namespace(args, kw);
            case "lipsum" -> (PyCallable) (env, args, kw) -> Globals.lipsum(args, kw);
            case "cycler" -> (PyCallable) (env, args, kw) -> new Globals.Cycler(args);
            case "now" -> (PyCallable) (env, args, kw) -> Globals.now(args, kw);
            case "joiner" -> (PyCallable) (env, args, kw) -> new Globals.Joiner(args.isEmpty() ? ", " : PyOps.str(args.get(0)));
            case "lookup" -> (PyCallable) (env, args, kw) -> lookup(env, args, kw, false);
            case "query", "q" -> (PyCallable) (env, args, kw) -> lookup(env, args, kw, true);
            default -> null;
        };
    }

    /** {@code lookup(name, *terms, wantlist=False, errors='strict', **kw)} and {@code query(...)}, as Ansible runs them. */
    static Object lookup(Env env, List<Object> args, Map<String, Object> kw, boolean query) {
        if (args.isEmpty()) throw EvalError.type("Templar._lookup() missing 1 required positional argument: 'name'");
        String name = PyOps.str(args.get(0));
        Fn.Lookup l = lookup(name);
        if (l == null) throw new EvalError("lookup plugin (" + name + ") not found");
        for (Object a : args) if (a instanceof Undefined u && !u.isLenient()) throw EvalError.undefined(u, -1);
        for (Object a : kw.values()) if (a instanceof Undefined u && !u.isLenient()) throw EvalError.undefined(u, -1);
        Map<String, Object> rest = new LinkedHashMap<>(kw);
        boolean wantlist = query || (rest.containsKey("wantlist") && PyOps.truthy(rest.get("wantlist")));
        rest.remove("wantlist");
        String errors = rest.containsKey("errors") ? PyOps.str(rest.remove("errors")) : "strict";
        List<Object> ran;
        try {
            ran = l.run(env, new ArrayList<>(args.subList(1, args.size())), rest);
        } catch (LookupFailure e) {
            if (e.kind == LookupFailure.Kind.UNDEFINED || e.kind == LookupFailure.Kind.OPTIONS || errors.equals("strict")) {
                throw new EvalError(e.kind == LookupFailure.Kind.UNHANDLED ? unhandled(name, e.pythonClass, e.getMessage()) : e.getMessage());
            }
            return ignored(env, errors, e.kind == LookupFailure.Kind.UNHANDLED ? unhandled(name, e.pythonClass, e.getMessage())
                    : "Lookup failed but the error is being ignored: " + e.getMessage(), wantlist);
        } catch (EvalError e) {
            String msg = unhandled(name, e.type ? "TypeError" : "ansible.errors.AnsibleError", e.getMessage());
            if (errors.equals("strict")) throw new EvalError(msg, e.pos, false);
            return ignored(env, errors, msg, wantlist);
        }
        if (wantlist) return ran;
        if (ran.isEmpty()) return ran;
        if (ran.stream().allMatch(x -> x instanceof CharSequence)) return String.join(",", ran.stream().map(Object::toString).toList());
        return ran.size() == 1 ? ran.get(0) : ran;
    }

    /**
     * What {@code with_<name>: terms} iterates over: the lookup with wantlist, given the terms as Ansible's
     * listify_lookup_plugin_terms leaves them: a scalar becomes a one-item list, a dict stays a dict, which the dict
     * lookup puts in a list, list, indexed_items and flattened refuse ("with_list expects a list"), and the others
     * iterate as Python iterates a dict: its keys ({@code with_items: {a: 1}} gives {@code a}).
     */
    static List<Object> loop(Env env, String name, Object terms) {
        Fn.Lookup l = lookup(name);
        if (l == null) throw new EvalError("lookup plugin (" + name + ") not found");
        List<Object> t;
        if (terms instanceof List<?> list) {
            t = new ArrayList<>(list);
        } else if (terms instanceof Map<?, ?> m && !name.equals("dict")) {
            if (LIST_ONLY.contains(name)) throw new EvalError("with_" + name + " expects a list");
            t = new ArrayList<>(m.keySet());
        } else {
            t = new ArrayList<>(java.util.Collections.singletonList(terms));
        }
        return l.run(env, t, Map.of());
    }

    /** The lookups that refuse terms that are not a list. */
    private static final java.util.Set<String> LIST_ONLY = java.util.Set.of("list", "indexed_items", "flattened");

    private static String unhandled(String name, String pythonClass, String message) {
        return "An unhandled exception occurred while running the lookup plugin '" + name + "'. Error was a <class '"
                + pythonClass + "'>, original message: " + message;
    }

    private static Object ignored(Env env, String errors, String message, boolean wantlist) {
        if (errors.equals("warn")) env.warn(message);
        return wantlist ? new ArrayList<>() : null;
    }

    /**
     * How a lookup fails, as Ansible tells them apart: its own AnsibleLookupError (reported as is, or ignored with
     * {@code errors=ignore|warn}), an undefined variable (always reported as is), or anything else (reported as "An
     * unhandled exception occurred while running the lookup plugin ..." naming the Python class).
     */
    static final class LookupFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        enum Kind { LOOKUP_ERROR, UNDEFINED, OPTIONS, UNHANDLED }

        final Kind kind;
        final String pythonClass;

        private LookupFailure(Kind kind, String pythonClass, String message) {
            super(message, null, false, false);
            this.kind = kind;
            this.pythonClass = pythonClass;
        }

        static LookupFailure lookupError(String message) {
            return new LookupFailure(Kind.LOOKUP_ERROR, null, message);
        }

        static LookupFailure undefined(String message) {
            return new LookupFailure(Kind.UNDEFINED, null, message);
        }

        /** Ansible's AnsibleOptionsError: bad options given to the lookup, reported as they are, never ignored. */
        static LookupFailure options(String message) {
            return new LookupFailure(Kind.OPTIONS, null, message);
        }

        static LookupFailure unhandled(String pythonClass, String message) {
            return new LookupFailure(Kind.UNHANDLED, pythonClass, message);
        }
    }
}
