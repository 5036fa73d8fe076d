package dev.jplay.template;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Jinja2's global functions: {@code range}, {@code dict}, {@code namespace}, {@code lipsum}, {@code cycler}, {@code joiner}; Ansible's {@code now}. */
final class Globals {
    /** range() refuses to build lists longer than this (a template is not a place for millions of items). */
    static final int MAX_RANGE = 1_000_000;
    private static final String[] WORDS = ("a ac accumsan ad adipiscing aenean aliquam aliquet amet ante aptent arcu at auctor "
            + "augue bibendum blandit class commodo condimentum congue consectetuer consequat conubia convallis cras cubilia "
            + "cum curabitur curae cursus dapibus diam dictum dignissim dis dolor donec dui duis egestas eget eleifend elementum "
            + "elit enim erat eros est et etiam eu euismod facilisi fames faucibus felis fermentum feugiat fringilla fusce gravida "
            + "habitant hendrerit iaculis id imperdiet in inceptos integer interdum ipsum justo lacinia lacus laoreet lectus leo "
            + "libero ligula litora lobortis lorem luctus maecenas magna magnis malesuada massa mattis mauris metus mi molestie "
            + "mollis montes morbi mus nam nascetur natoque nec neque netus nibh nisi nisl non nonummy nostra nulla nullam nunc "
            + "odio orci ornare parturient pede pellentesque penatibus per pharetra phasellus placerat porta porttitor posuere "
            + "potenti praesent pretium primis proin pulvinar purus quam quis quisque rhoncus ridiculus risus rutrum sagittis "
            + "sapien scelerisque sed sem semper senectus sit sociis sociosqu sodales sollicitudin suscipit suspendisse taciti "
            + "tellus tempor tempus tincidunt torquent tortor tristique turpis ullamcorper ultrices ultricies urna ut varius "
            + "vehicula vel velit venenatis vestibulum vitae vivamus viverra volutpat vulputate").split(" ");

    private Globals() {}

    static List<Object> range(List<Object> args) {
        if (args.isEmpty() || args.size() > 3) throw EvalError.type("range expected at least 1 argument, got " + args.size());
        long start = 0;
        long stop;
        long step = 1;
        if (args.size() == 1) {
            stop = PyOps.index(args.get(0));
        } else {
            start = PyOps.index(args.get(0));
            stop = PyOps.index(args.get(1));
            if (args.size() > 2) step = PyOps.index(args.get(2));
        }
        if (step == 0) throw new EvalError("range() arg 3 must not be zero");
        List<Object> out = new ArrayList<>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            out.add(i);
            if (out.size() > MAX_RANGE) throw new EvalError("range too big, more than " + MAX_RANGE + " items");
        }
        return out;
    }

    static Map<String, Object> dict(List<Object> args, Map<String, Object> kw) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!args.isEmpty()) {
            if (args.get(0) instanceof Map<?, ?> src) {
                src.forEach((k, v) -> m.put(PyOps.keyString(k), v));
            } else {
                for (Object pair : PyOps.iterate(args.get(0))) {
                    List<Object> kv = PyOps.iterate(pair);
                    if (kv.size() != 2) throw new EvalError("dictionary update sequence element has length " + kv.size() + "; 2 is required");
                    m.put(PyOps.keyString(kv.get(0)), kv.get(1));
                }
            }
        }
        m.putAll(kw);
        return m;
    }

    static Namespace namespace(List<Object> args, Map<String, Object> kw) {
        Map<String, Object> init = args.isEmpty() ? new LinkedHashMap<>() : dict(args, Map.of());
        init.putAll(kw);
        return new Namespace(init);
    }

    /** {@code lipsum(n=5, html=True, min=20, max=100)}: n paragraphs of lorem ipsum. */
    static Object lipsum(List<Object> args, Map<String, Object> kw) {
        Fn.Args a = new Fn.Args("lipsum", args, kw);
        long n = a.integer(0, "n", 5);
        boolean html = a.bool(1, "html", true);
        int min = (int) a.integer(2, "min", 20);
        int max = (int) a.integer(3, "max", 100);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        List<String> paragraphs = new ArrayList<>();
        for (long p = 0; p < n; p++) {
            int words = min + r.nextInt(Math.max(1, max - min + 1));
            StringBuilder sb = new StringBuilder();
            boolean capital = true;
            for (int w = 0; w < words; w++) {
                String word = WORDS[r.nextInt(WORDS.length)];
                if (capital) word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                capital = false;
                if (sb.length() > 0) sb.append(' ');
                sb.append(word);
                if (w > 0 && w % 9 == 0 && w < words - 1) {
                    sb.append('.');
                    capital = true;
                }
            }
            paragraphs.add(sb.append('.').toString());
        }
        if (!html) return String.join("\n\n", paragraphs);
        return new Markup(String.join("\n", paragraphs.stream().map(p -> "<p>" + p + "</p>").toList()));
    }

    /** Ansible's {@code now(utc=False, fmt=None)}: the naive current datetime (UTC or local), or it formatted by strftime. */
    static Object now(List<Object> args, Map<String, Object> kw) {
        Fn.Args a = new Fn.Args("now", args, kw);
        boolean utc = a.bool(0, "utc", false);
        String fmt = a.str(1, "fmt", null);
        PyTime.DateTime now = new PyTime.DateTime(utc ? LocalDateTime.now(ZoneOffset.UTC) : LocalDateTime.now());
        return fmt == null || fmt.isEmpty() ? now : now.strftime(fmt);
    }

    /** {@code cycler(a, b, ...)}: {@code next()} gives the items in turn, {@code current} the next one. */
    static final class Cycler implements Attributes {
        private final List<Object> items;
        private int pos;

        Cycler(List<Object> items) {
            if (items.isEmpty()) throw EvalError.type("at least one item has to be provided");
            this.items = new ArrayList<>(items);
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "current" -> items.get(pos);
                case "next" -> (PyCallable) (env, args, kw) -> {
                    Object v = items.get(pos);
                    pos = (pos + 1) % items.size();
                    return v;
                };
                case "reset" -> (PyCallable) (env, args, kw) -> {
                    pos = 0;
                    return null;
                };
                default -> Undefined.attribute("Cycler", name);
            };
        }
    }

    /** {@code joiner(sep)}: '' on the first call, {@code sep} after. */
    static final class Joiner implements PyCallable {
        private final String sep;
        private boolean used;

        Joiner(String sep) {
            this.sep = sep;
        }

        @Override
        public Object call(Env env, List<Object> args, Map<String, Object> kwargs) {
            if (!used) {
                used = true;
                return "";
            }
            return sep;
        }
    }
}
