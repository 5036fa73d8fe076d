package dev.jplay.cli;

import dev.jplay.data.KeyValue;
import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;
import dev.jplay.source.Yaml;
import dev.jplay.source.YamlMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -e} values as Ansible reads them: {@code @file} (YAML or JSON), inline YAML/JSON when it starts with
 * {@code {} or {@code [}, otherwise {@code k=v} pairs whose values stay strings ({@code -e x=yes} is the string "yes").
 */
final class ExtraVars {
    private ExtraVars() {}

    /**
     * The variables of the {@code -e} {@code values}, a later one winning, telling {@code where} where each variable's
     * winning value is written: its key in an {@code @file} (file:line:col), else the {@code -e} argument.
     */
    static Map<String, Object> parse(List<String> values, Path cwd, Decrypter vault, Map<String, Loc> where) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String value : values) {
            String v = value.strip();
            Map<String, Object> one = one(v, cwd, vault);
            Loc arg = Loc.of("-e " + v);
            for (String k : one.keySet()) where.put(k, v.startsWith("@") ? YamlMap.locOf(one, k, arg) : arg);
            out.putAll(one);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> one(String v, Path cwd, Decrypter vault) {
        if (v.isEmpty()) return Map.of();
        Object data;
        if (v.startsWith("@")) {
            Path p = cwd.resolve(v.substring(1));
            if (!Files.isRegularFile(p)) {
                throw new SourceException("Unable to retrieve file contents: Could not find or access '" + p + "' on the Ansible Controller.",
                        Loc.of("-e " + v), null, null, Kind.ERROR);
            }
            data = Yaml.load(p, vault);
        } else if (v.startsWith("{") || v.startsWith("[")) {
            data = Yaml.load(v, "-e");
        } else {
            try {
                data = KeyValue.parse(v, false); // as Ansible's parse_kv: words without '=' become _raw_params
            } catch (KeyValue.Unbalanced e) {
                throw new SourceException(e.getMessage(), Loc.of("-e " + v), "quote the whole value for the shell, e.g.  -e \"a='x y'\"");
            }
        }
        if (data == null) return Map.of();
        if (!(data instanceof Map)) {
            throw new SourceException("Invalid extra vars data supplied. '" + v + "' could not be made into a dictionary", Loc.of("-e " + v),
                    "use -e key=value, -e '{\"key\": \"value\"}' or -e @file.yml (a mapping)", null, Kind.OPTIONS);
        }
        return (Map<String, Object>) data;
    }
}
