package dev.jplay.template;

import dev.jplay.data.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/** YAML as PyYAML's dumper writes it for {@code to_yaml} and {@code to_nice_yaml}: sorted keys, unicode kept, PyYAML's scalar styles. */
final class YamlDump {
    private YamlDump() {}

    /**
     * @param flow  PyYAML's default_flow_style: null (collections of scalars inline), false (all block), true (all flow)
     * @param kw    the other yaml.dump arguments the filters pass on (indent, width, sort_keys, explicit_start, ...)
     */
    static String dump(Object v, Boolean flow, Map<String, Object> kw) {
        Map<String, Object> args = new LinkedHashMap<>(kw);
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(flow == null ? DumperOptions.FlowStyle.AUTO : flow ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
        o.setIndent(Math.max(2, Math.min(9, (int) PyOps.index(args.getOrDefault("indent", 2L)))));
        o.setAllowUnicode(!args.containsKey("allow_unicode") || PyOps.truthy(args.get("allow_unicode")));
        o.setWidth((int) PyOps.index(args.getOrDefault("width", 80L)));
        o.setSplitLines(true);
        o.setExplicitStart(PyOps.truthy(args.getOrDefault("explicit_start", false)));
        o.setExplicitEnd(PyOps.truthy(args.getOrDefault("explicit_end", false)));
        if (o.getIndent() > 2) {
            o.setIndicatorIndent(0);
            o.setIndentWithIndicator(false);
        }
        boolean sort = !args.containsKey("sort_keys") || PyOps.truthy(args.get("sort_keys"));
        for (String k : args.keySet()) {
            if (!List.of("indent", "width", "allow_unicode", "explicit_start", "explicit_end", "sort_keys", "default_flow_style").contains(k)) {
                throw new EvalError("jplay does not support the yaml.dump argument '" + k + "'");
            }
        }
        return new org.yaml.snakeyaml.Yaml(new PyRepresenter(o), o).dump(plain(v, sort));
    }

    /** Strings are left to the emitter's choice of style (plain, then single-quoted), as PyYAML does; no literal blocks. */
    private static final class PyRepresenter extends Representer {
        PyRepresenter(DumperOptions o) {
            super(o);
            // PyYAML never writes a multi-line string plain: single-quoted when it can, else double-quoted
            Represent str = data -> {
                String v = data.toString();
                boolean multiline = v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\u0085') >= 0 || v.indexOf('\u2028') >= 0
                        || v.indexOf('\u2029') >= 0;
                return representScalar(Tag.STR, v, multiline ? DumperOptions.ScalarStyle.SINGLE_QUOTED : DumperOptions.ScalarStyle.PLAIN);
            };
            this.representers.put(String.class, str);
        }
    }

    private static Object plain(Object v, boolean sort) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> t = sort ? new TreeMap<>() : new LinkedHashMap<>();
            m.forEach((k, x) -> t.put(PyOps.keyString(k), plain(x, sort)));
            return new LinkedHashMap<>(t);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(plain(o, sort));
            return out;
        }
        if (v instanceof CharSequence s) return s.toString();
        if (v instanceof Undefined u) throw EvalError.undefined(u, -1);
        if (v == null || v instanceof Number || v instanceof Boolean) return v;
        return Py.str(v);
    }
}
