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
import java.util.List;
import java.util.Set;
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
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code null}. Duplicate keys and unquoted
 * {@code {{ }}} templates are errors with file:line:col. Not thread-safe per call, but each call is independent.
 */
public final class Yaml {
    private Yaml() {}

    /** Loads a file; an empty file gives {@code null}; a vault-encrypted file fails (no secrets here). */
    public static Object load(Path file) {
        return load(file, Decrypter.NONE);
    }

    /** Loads a file, decrypting it first when it is a whole-file vault ({@code ansible-vault encrypt}). */
    public static Object load(Path file, Decrypter vault) {
        return load(text(file, vault), file.toString());
    }

    /** A source file's text (UTF-8), decrypted when it is a whole-file vault; errors name the file. */
    public static String text(Path file, Decrypter vault) {
        String text;
        try {
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
        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(false);
        opts.setCodePointLimit(64 * 1024 * 1024);
        opts.setMaxAliasesForCollections(200);
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
            throw fromSnake(e, name);
        } catch (YAMLException e) {
            throw new SourceException("YAML error: " + e.getMessage(), Loc.of(name));
        }
        if (root == null) return null;
        return new Converter(name, scalars).convert(root, 0);
    }

    static Loc loc(String name, Mark m) {
        return m == null ? Loc.of(name) : new Loc(name, m.getLine() + 1, m.getColumn() + 1);
    }

    private static SourceException fromSnake(MarkedYAMLException e, String name) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        String context = e.getContext();
        String msg = "YAML syntax error: " + problem + (context != null ? " (" + context + ")" : "");
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

        Converter(String name, Scalars scalars) {
            this.name = name;
            this.scalars = scalars;
        }

        Object convert(Node node, int depth) {
            if (depth > 200) throw new SourceException("YAML nesting too deep (recursive alias?)", loc(name, node.getStartMark()));
            Loc here = loc(name, node.getStartMark());
            if (node instanceof ScalarNode s) {
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
            if (node instanceof SequenceNode seq) {
                YamlList list = new YamlList(here);
                for (Node item : seq.getValue()) list.addLocated(convert(item, depth + 1), contentLoc(item));
                return list;
            }
            MappingNode map = (MappingNode) node;
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
                    throw new SourceException("duplicate key '" + ks + "' in this mapping", kl,
                            "YAML keeps only the last one; remove or rename one of them");
                }
                out.remove(ks); // a merged key is overridden by an explicit one, keeping explicit order
                out.putLocated(ks, convert(t.getValueNode(), depth + 1), kl, contentLoc(t.getValueNode()));
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
                if (!out.containsKey(e.getKey())) out.putLocated(e.getKey(), e.getValue(), src.keyLoc(e.getKey()), src.valueLoc(e.getKey()));
            }
        }
    }
}
