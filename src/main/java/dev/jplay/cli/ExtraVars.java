package dev.jplay.cli;

import dev.jplay.modules.KeyValue;
import dev.jplay.source.Decrypter;
import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.Yaml;
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

    static Map<String, Object> parse(List<String> values, Path cwd, Decrypter vault) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String v : values) out.putAll(one(v.strip(), cwd, vault));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> one(String v, Path cwd, Decrypter vault) {
        if (v.isEmpty()) return Map.of();
        if (v.startsWith("@")) {
            Path p = cwd.resolve(v.substring(1));
            if (!Files.isRegularFile(p)) {
                throw new SourceException("Unable to retrieve file contents\nCould not find or access '" + p + "' on the Ansible Controller.",
                        Loc.of("-e " + v));
            }
            Object data = Yaml.load(p, vault);
            if (data == null) return Map.of();
            if (!(data instanceof Map)) throw new SourceException("extra vars file must contain a mapping", Loc.of(p.toString()));
            return (Map<String, Object>) data;
        }
        if (v.startsWith("{") || v.startsWith("[")) {
            Object data = Yaml.load(v, "-e");
            if (!(data instanceof Map)) throw new SourceException("extra vars given as YAML/JSON must be a mapping", Loc.of("-e " + v));
            return (Map<String, Object>) data;
        }
        Map<String, Object> kv = new LinkedHashMap<>();
        for (String word : KeyValue.split(v)) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new SourceException("Invalid extra vars data supplied. '" + v + "' could not be made into a dictionary", Loc.of("-e"),
                        "use -e key=value, -e '{\"key\": \"value\"}' or -e @file.yml");
            }
            kv.put(word.substring(0, eq), KeyValue.unquote(word.substring(eq + 1)));
        }
        return kv;
    }
}
