package dev.jplay.source;

import dev.jplay.data.Unsafe;
import dev.jplay.data.VaultText;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Loads YAML the way Ansible reads it (YAML 1.1 scalars: {@code yes/no/on/off} are booleans, {@code 0755} is octal,
 * {@code <<} merge keys) into plain Java values that keep their positions: {@link YamlMap}, {@link YamlList},
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code null}. Unquoted {@code {{ }}} templates are
 * errors with file:line:col; a duplicate key is a warning and the last value wins, as in Ansible. Each call is
 * independent.
 *
 * <p>Hostile input is bounded, each limit named in its error: a document of at most {@link #MAX_CHARS} characters,
 * nested at most {@link #MAX_DEPTH} levels (Ansible itself fails beyond about 450), whose aliases expand to at most
 * {@link #MAX_EXPANDED} values (an aliased collection is shared, not copied, so an alias bomb costs no memory and is
 * refused at once), and no alias used inside its own anchor.
 */
public final class Yaml {
    /** The largest document read, in characters (16 MiB: far above real playbooks, inventories and vars files). */
    public static final int MAX_CHARS = 16 * 1024 * 1024;
    /** The deepest nesting of lists and mappings. */
    public static final int MAX_DEPTH = 500;
    /** How many values a document may hold once its aliases are expanded. */
    public static final long MAX_EXPANDED = 1_000_000;

    private Yaml() {}

    /** Loads a file; an empty file gives {@code null}; a vault-encrypted file fails (no secrets here). */
    public static Object load(Path file) {
        return load(file, Decrypter.NONE);
    }

    /** Loads a file, decrypting it first when it is a whole-file vault ({@code ansible-vault encrypt}). */
    public static Object load(Path file, Decrypter vault) {
        return load(file, vault, w -> { });
    }

    /** As {@link #load(Path, Decrypter)}, telling {@code warn} about duplicate keys. */
    public static Object load(Path file, Decrypter vault, Consumer<String> warn) {
        return load(text(file, vault), file.toString(), warn);
    }

    /** A source file's text (UTF-8), decrypted when it is a whole-file vault; errors name the file. */
    public static String text(Path file, Decrypter vault) {
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_CHARS) {
                throw new SourceException(file + " is " + size / (1024 * 1024) + " MiB, more than jplay reads from one file ("
                        + MAX_CHARS / (1024 * 1024) + " MiB, the limit)", Loc.of(file.toString()), "split the data into several files");
            }
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new SourceException("file not found: " + file, Loc.of(file.toString()));
        } catch (CharacterCodingException e) {
            throw new SourceException("file is not valid UTF-8: " + file, Loc.of(file.toString()));
        } catch (IOException e) {
            throw new SourceException("cannot read " + file + ": " + e.getMessage(), Loc.of(file.toString()));
        }
        return Decrypter.isVault(text) ? vault.decrypt(text, Loc.of(file.toString())) : text;
    }

    /** Loads YAML text; {@code name} is used in positions and error messages. */
    public static Object load(String text, String name) {
        return load(text, name, w -> { });
    }

    /**
     * Loads data text as Ansible's DataLoader does: as JSON first (Python's json.loads), then as YAML, telling
     * {@code warn} about duplicate YAML keys (Ansible's warning, word for word). When neither reads it, the error gives
     * both parsers' complaints, as Ansible's, located at the YAML one.
     */
    public static Object load(String text, String name, Consumer<String> warn) {
        return load(text, name, warn, true);
    }

    /** Loads YAML text as PyYAML alone does (the {@code from_yaml} filters: no JSON attempt first). */
    public static Object loadYaml(String text, String name) {
        return load(text, name, w -> { }, false);
    }

    private static Object load(String text, String name, Consumer<String> warn, boolean jsonFirst) {
        if (text.length() > MAX_CHARS) {
            throw new SourceException("this YAML document has " + text.length() + " characters, more than jplay reads ("
                    + MAX_CHARS + ", the limit for one file)", Loc.of(name), "split the data into several files");
        }
        PyJson.Failure notJson = null;
        if (jsonFirst) {
            try {
                return PyJson.load(text, name);
            } catch (PyJson.Failure f) {
                notJson = f;
            }
        }
        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(true);
        opts.setCodePointLimit(MAX_CHARS + 1);
        opts.setNestingDepthLimit(MAX_DEPTH + 1);
        opts.setMaxAliasesForCollections(Integer.MAX_VALUE); // bounded below by the expanded size instead
        opts.setAllowRecursiveKeys(false);
        Scalars scalars = new Scalars(opts);
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(scalars, new Representer(new DumperOptions()), new DumperOptions(), opts);
        Node root;
        try {
            Iterable<Node> docs = yaml.composeAll(new StringReader(text));
            root = null;
            int count = 0;
            for (Node n : docs) {
                if (count++ == 0) root = n;
                else throw new SourceException("more than one YAML document in this file", loc(name, n.getStartMark()),
                        "remove the second '---' or split the file");
            }
        } catch (MarkedYAMLException e) {
            throw fromSnake(e, name, notJson);
        } catch (YAMLException e) {
            if (String.valueOf(e.getMessage()).startsWith("Nesting Depth exceeded")) throw tooDeep(text, name);
            throw new SourceException("YAML error: " + e.getMessage(), Loc.of(name));
        } catch (StackOverflowError e) {
            throw tooDeep(text, name);
        }
        if (root == null) return null;
        return new Converter(name, scalars, warn).convert(root, 0);
    }

    /** The nesting error, located where the document goes deeper than the limit (found with the event parser, which does not recurse). */
    private static SourceException tooDeep(String text, String name) {
        Loc at = Loc.of(name);
        int depth = 0;
        try {
            for (org.yaml.snakeyaml.events.Event ev : new org.yaml.snakeyaml.Yaml().parse(new StringReader(text))) {
                if (ev instanceof org.yaml.snakeyaml.events.CollectionStartEvent && ++depth > MAX_DEPTH) {
                    at = loc(name, ev.getStartMark());
                    break;
                }
                if (ev instanceof org.yaml.snakeyaml.events.CollectionEndEvent) depth--;
            }
        } catch (YAMLException e) {
            // the position stays the file's
        }
        return new SourceException("YAML nested more than " + MAX_DEPTH + " levels deep (the limit)", at,
                "flatten the data; Ansible itself cannot read data nested this deep");
    }

    /**
     * Where a file's first document's root value starts (for an error about the whole document, such as "must be a
     * list"); the file's own position when it has none or does not parse.
     */
    public static Loc rootLoc(Path file, Decrypter vault) {
        try {
            for (org.yaml.snakeyaml.events.Event ev : new org.yaml.snakeyaml.Yaml().parse(new StringReader(text(file, vault)))) {
                if (ev instanceof org.yaml.snakeyaml.events.NodeEvent) return loc(file.toString(), ev.getStartMark());
            }
        } catch (YAMLException | SourceException e) {
            // the position stays the file's
        }
        return Loc.of(file.toString());
    }

    static Loc loc(String name, Mark m) {
        return m == null ? Loc.of(name) : new Loc(name, m.getLine() + 1, m.getColumn() + 1);
    }

    /** A YAML syntax error; after a failed JSON attempt, Ansible's message naming both ({@code notJson} may be null). */
    private static SourceException fromSnake(MarkedYAMLException e, String name, PyJson.Failure notJson) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        String context = e.getContext();
        String msg = "YAML syntax error: " + problem + (context != null ? " (" + context + ")" : "");
        if (notJson != null) {
            msg = "We were unable to read either as JSON nor YAML, these are the errors we got from each:\nJSON: "
                    + notJson.getMessage() + "\n\n" + msg;
        }
        String hint = null;
        if (problem != null && problem.contains("mapping values are not allowed")) {
            hint = "a value that contains ': ' must be quoted, e.g.  msg: \"a: b\"";
        } else if (problem != null && problem.contains("found character '\\t'")) {
            hint = "YAML does not allow tabs for indentation; use spaces";
        } else if (problem != null && (problem.contains("expected <block end>") || problem.contains("could not find expected ':'"))) {
            hint = "check the indentation of this line and the one before, and quote values that start with '{{'";
        }
        return new SourceException(msg, loc(name, mark), hint, e);
    }

    /** SafeConstructor used only for scalars, so YAML 1.1 resolution matches PyYAML's. */
    private static final class Scalars extends SafeConstructor {
        Scalars(LoaderOptions o) {
            super(o);
        }

        Object scalar(ScalarNode n) {
            Tag t = n.getTag();
            if (t.equals(Tag.STR)) return n.getValue();
            if (t.equals(Tag.TIMESTAMP)) return n.getValue();
            if (t.equals(Tag.NULL)) return null;
            Object v = constructObject(n);
            if (v instanceof Integer i) return i.longValue();
            if (v instanceof BigInteger b && b.bitLength() < 64) return b.longValue();
            if (v instanceof Float f) return f.doubleValue();
            if (v instanceof Date) return n.getValue();
            if (v instanceof byte[]) return n.getValue();
            return v;
        }
    }

    private static final class Converter {
        private final String name;
        private final Scalars scalars;
        private final Consumer<String> warn;
        /** Collections already converted: an alias to one shares the value (as PyYAML does) instead of copying it. */
        private final Map<Node, Object> done = new IdentityHashMap<>();
        private final Map<Node, Long> sizes = new IdentityHashMap<>();
        private final Set<Node> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private long expanded;
        private long viaAliases;

        Converter(String name, Scalars scalars, Consumer<String> warn) {
            this.name = name;
            this.scalars = scalars;
            this.warn = warn;
        }

        Object convert(Node node, int depth) {
            Loc here = loc(name, node.getStartMark());
            if (node instanceof ScalarNode s) {
                expanded++;
                return scalar(s, here);
            }
            Object seen = done.get(node);
            if (seen != null) {
                expanded += sizes.get(node);
                viaAliases += sizes.get(node);
                if (viaAliases > MAX_EXPANDED) {
                    throw new SourceException("YAML aliases expand this document to more than " + MAX_EXPANDED
                            + " values (the limit): is it an alias bomb?", here, "use fewer nested aliases (*name)");
                }
                return seen;
            }
            if (!open.add(node)) {
                throw new SourceException("a YAML alias is used inside its own anchor (a recursive structure)", here,
                        "an anchor (&name) cannot contain an alias (*name) to itself");
            }
            if (depth > MAX_DEPTH) throw new SourceException("YAML nested more than " + MAX_DEPTH + " levels deep (the limit)", here);
            long before = expanded;
            Object value = node instanceof SequenceNode seq ? sequence(seq, here, depth) : mapping((MappingNode) node, here, depth);
            open.remove(node);
            expanded++;
            done.put(node, value);
            sizes.put(node, expanded - before);
            return value;
        }

        private Object scalar(ScalarNode s, Loc here) {
            String tag = s.getTag().getValue();
            if (tag.equals("!unsafe")) return new Unsafe(s.getValue());
            if (tag.equals("!vault")) return new VaultText(s.getValue(), here);
            if (tag.startsWith("!") && !tag.startsWith("!!")) {
                throw new SourceException("unknown YAML tag " + tag, here, "jplay knows !unsafe and !vault");
            }
            try {
                return scalars.scalar(s);
            } catch (YAMLException e) {
                throw new SourceException("bad YAML value: " + e.getMessage(), here);
            }
        }

        private YamlList sequence(SequenceNode seq, Loc here, int depth) {
            YamlList list = new YamlList(here);
            for (Node item : seq.getValue()) list.addLocated(convert(item, depth + 1), contentLoc(item));
            return list;
        }

        private YamlMap mapping(MappingNode map, Loc here, int depth) {
            YamlMap out = new YamlMap(here);
            Set<String> explicit = new HashSet<>();
            List<NodeTuple> tuples = map.getValue();
            for (NodeTuple t : tuples) {
                Node k = t.getKeyNode();
                if (k.getTag().equals(Tag.MERGE)) merge(out, t.getValueNode(), depth);
            }
            for (NodeTuple t : tuples) {
                Node k = t.getKeyNode();
                if (k.getTag().equals(Tag.MERGE)) continue;
                Loc kl = loc(name, k.getStartMark());
                if (k instanceof MappingNode) {
                    throw new SourceException("a template must be quoted: YAML read this {{ ... }} as a mapping",
                            loc(name, map.getStartMark()),
                            "quote the whole value when it starts with '{{', e.g.  path: \"{{ dest }}/file\"");
                }
                if (k instanceof SequenceNode) throw new SourceException("a list cannot be a mapping key", kl);
                Object key = convert(k, depth + 1);
                String ks = key instanceof String str ? str : dev.jplay.data.Py.str(key);
                if (!explicit.add(ks)) {
                    warn.accept("While constructing a mapping from " + name + ", line " + here.line() + ", column " + here.col()
                            + ", found a duplicate dict key (" + ks + "). Using last defined value only.");
                }
                out.remove(ks); // a merged key is overridden by an explicit one, keeping explicit order
                out.putLocated(ks, convert(t.getValueNode(), depth + 1), kl, contentLoc(t.getValueNode()));
                out.markText(ks, key instanceof CharSequence);
            }
            return out;
        }

        /** Where a value's text starts: after the opening quote of a quoted scalar, so offsets into the text add up. */
        private Loc contentLoc(Node n) {
            Loc l = loc(name, n.getStartMark());
            if (n instanceof ScalarNode s && (s.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                    || s.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED)) {
                return l.shift(1);
            }
            return l;
        }

        private void merge(YamlMap out, Node value, int depth) {
            if (value instanceof SequenceNode seq) {
                for (Node n : seq.getValue()) merge(out, n, depth);
                return;
            }
            Object m = convert(value, depth + 1);
            if (!(m instanceof YamlMap src)) {
                throw new SourceException("a merge key '<<' needs a mapping or a list of mappings", loc(name, value.getStartMark()));
            }
            for (var e : src.entrySet()) {
                if (out.containsKey(e.getKey())) continue;
                out.putLocated(e.getKey(), e.getValue(), src.keyLoc(e.getKey()), src.valueLoc(e.getKey()));
                out.markText(e.getKey(), src.textKey(e.getKey()));
            }
        }
    }
}
