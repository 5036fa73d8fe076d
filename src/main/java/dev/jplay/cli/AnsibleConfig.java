package dev.jplay.cli;

import dev.jplay.source.Loc;
import dev.jplay.source.SourceException;
import dev.jplay.source.SourceException.Kind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ansible.cfg and {@code ANSIBLE_*} environment variables, as Ansible reads them: the first config file of
 * {@code ANSIBLE_CONFIG}, {@code ./ansible.cfg} (not in a world-writable directory), {@code ~/.ansible.cfg},
 * {@code /etc/ansible/ansible.cfg}; environment beats file beats default. Only the settings jplay uses are known
 * (names, sections, keys and defaults from Ansible's base.yml); other keys are ignored, as Ansible does.
 */
public final class AnsibleConfig {
    /** How a value is parsed. */
    enum Type { STRING, INT, BOOL, LIST, PATH, PATHLIST, PATHSPEC }

    /** A supported setting: Ansible's name, its ini section/key(s), environment variable(s), default. */
    record Def(String name, Type type, String section, List<String> keys, List<String> env, Object def) {}

    /** A resolved value and where it came from ({@code default}, the file, or {@code env: NAME}). */
    public record Setting(String name, Object value, String origin) {}

    private static List<Def> defs(String home) {
        return List.of(
                d("DEFAULT_HOST_LIST", Type.PATHLIST, "defaults", "inventory", "ANSIBLE_INVENTORY", List.of("/etc/ansible/hosts")),
                d("INVENTORY_ENABLED", Type.LIST, "inventory", "enable_plugins", "ANSIBLE_INVENTORY_ENABLED",
                        List.of("host_list", "script", "auto", "yaml", "ini", "toml")),
                d("TRANSFORM_INVALID_GROUP_CHARS", Type.STRING, "defaults", "force_valid_group_names", "ANSIBLE_TRANSFORM_INVALID_GROUP_CHARS",
                        "never"),
                d("DEFAULT_FORKS", Type.INT, "defaults", "forks", "ANSIBLE_FORKS", 5L),
                d("DEFAULT_REMOTE_USER", Type.STRING, "defaults", "remote_user", "ANSIBLE_REMOTE_USER", null),
                d("DEFAULT_PRIVATE_KEY_FILE", Type.PATH, "defaults", "private_key_file", "ANSIBLE_PRIVATE_KEY_FILE", null),
                d("HOST_KEY_CHECKING", Type.BOOL, "defaults", "host_key_checking", "ANSIBLE_HOST_KEY_CHECKING", true),
                d("DEFAULT_ROLES_PATH", Type.PATHSPEC, "defaults", "roles_path", "ANSIBLE_ROLES_PATH",
                        List.of(home + "/.ansible/roles", "/usr/share/ansible/roles", "/etc/ansible/roles")),
                d("DEFAULT_MODULE_PATH", Type.PATHSPEC, "defaults", "library", "ANSIBLE_LIBRARY",
                        List.of(home + "/.ansible/plugins/modules", "/usr/share/ansible/plugins/modules")),
                d("DEFAULT_ACTION_PLUGIN_PATH", Type.PATHSPEC, "defaults", "action_plugins", "ANSIBLE_ACTION_PLUGINS",
                        List.of(home + "/.ansible/plugins/action", "/usr/share/ansible/plugins/action")),
                new Def("COLLECTIONS_PATHS", Type.PATHSPEC, "defaults", List.of("collections_path", "collections_paths"),
                        List.of("ANSIBLE_COLLECTIONS_PATH", "ANSIBLE_COLLECTIONS_PATHS"),
                        List.of(home + "/.ansible/collections", "/usr/share/ansible/collections")),
                d("COLLECTIONS_SCAN_SYS_PATH", Type.BOOL, "defaults", "collections_scan_sys_path", "ANSIBLE_COLLECTIONS_SCAN_SYS_PATH", true),
                d("JPLAY_PYTHON_MODULES", Type.LIST, "jplay", "python_modules", "JPLAY_PYTHON_MODULES", List.of()),
                d("CACHE_PLUGIN", Type.STRING, "defaults", "fact_caching", "ANSIBLE_CACHE_PLUGIN", "memory"),
                d("CACHE_PLUGIN_CONNECTION", Type.STRING, "defaults", "fact_caching_connection", "ANSIBLE_CACHE_PLUGIN_CONNECTION", null),
                d("CACHE_PLUGIN_PREFIX", Type.STRING, "defaults", "fact_caching_prefix", "ANSIBLE_CACHE_PLUGIN_PREFIX", "ansible_facts"),
                d("CACHE_PLUGIN_TIMEOUT", Type.INT, "defaults", "fact_caching_timeout", "ANSIBLE_CACHE_PLUGIN_TIMEOUT", 86400L),
                d("DEFAULT_TIMEOUT", Type.INT, "defaults", "timeout", "ANSIBLE_TIMEOUT", 10L),
                d("TASK_TIMEOUT", Type.INT, "defaults", "task_timeout", "ANSIBLE_TASK_TIMEOUT", 0L),
                d("DEFAULT_BECOME", Type.BOOL, "privilege_escalation", "become", "ANSIBLE_BECOME", false),
                d("DEFAULT_BECOME_METHOD", Type.STRING, "privilege_escalation", "become_method", "ANSIBLE_BECOME_METHOD", "sudo"),
                d("DEFAULT_BECOME_USER", Type.STRING, "privilege_escalation", "become_user", "ANSIBLE_BECOME_USER", "root"),
                d("DEFAULT_BECOME_ASK_PASS", Type.BOOL, "privilege_escalation", "become_ask_pass", "ANSIBLE_BECOME_ASK_PASS", false),
                d("DEFAULT_BECOME_FLAGS", Type.STRING, "privilege_escalation", "become_flags", "ANSIBLE_BECOME_FLAGS", null),
                d("DEFAULT_STDOUT_CALLBACK", Type.STRING, "defaults", "stdout_callback", "ANSIBLE_STDOUT_CALLBACK", "default"),
                d("DEFAULT_LOAD_CALLBACK_PLUGINS", Type.BOOL, "defaults", "bin_ansible_callbacks", "ANSIBLE_LOAD_CALLBACK_PLUGINS", false),
                new Def("CALLBACKS_ENABLED", Type.LIST, "defaults", List.of("callbacks_enabled", "callback_whitelist"),
                        List.of("ANSIBLE_CALLBACKS_ENABLED", "ANSIBLE_CALLBACK_WHITELIST"), List.of()),
                d("RETRY_FILES_ENABLED", Type.BOOL, "defaults", "retry_files_enabled", "ANSIBLE_RETRY_FILES_ENABLED", false),
                d("RETRY_FILES_SAVE_PATH", Type.PATH, "defaults", "retry_files_save_path", "ANSIBLE_RETRY_FILES_SAVE_PATH", null),
                d("ANSIBLE_NOCOLOR", Type.BOOL, "defaults", "nocolor", "ANSIBLE_NOCOLOR", false),
                d("ANSIBLE_FORCE_COLOR", Type.BOOL, "defaults", "force_color", "ANSIBLE_FORCE_COLOR", false),
                d("DEFAULT_VAULT_PASSWORD_FILE", Type.PATH, "defaults", "vault_password_file", "ANSIBLE_VAULT_PASSWORD_FILE", null),
                d("DEFAULT_VAULT_IDENTITY", Type.STRING, "defaults", "vault_identity", "ANSIBLE_VAULT_IDENTITY", "default"),
                d("DEFAULT_VAULT_ENCRYPT_IDENTITY", Type.STRING, "defaults", "vault_encrypt_identity", "ANSIBLE_VAULT_ENCRYPT_IDENTITY", null),
                d("DEFAULT_VAULT_IDENTITY_LIST", Type.LIST, "defaults", "vault_identity_list", "ANSIBLE_VAULT_IDENTITY_LIST", List.of()),
                d("DEFAULT_GATHERING", Type.STRING, "defaults", "gathering", "ANSIBLE_GATHERING", "implicit"),
                d("DEFAULT_GATHER_SUBSET", Type.LIST, "defaults", "gather_subset", "ANSIBLE_GATHER_SUBSET", null),
                d("DEFAULT_STRATEGY", Type.STRING, "defaults", "strategy", "ANSIBLE_STRATEGY", "linear"),
                d("ANY_ERRORS_FATAL", Type.BOOL, "defaults", "any_errors_fatal", "ANSIBLE_ANY_ERRORS_FATAL", false),
                d("DEFAULT_FORCE_HANDLERS", Type.BOOL, "defaults", "force_handlers", "ANSIBLE_FORCE_HANDLERS", false),
                d("ERROR_ON_MISSING_HANDLER", Type.BOOL, "defaults", "error_on_missing_handler", "ANSIBLE_ERROR_ON_MISSING_HANDLER", true),
                d("DEFAULT_ASK_PASS", Type.BOOL, "defaults", "ask_pass", "ANSIBLE_ASK_PASS", false),
                d("DISPLAY_SKIPPED_HOSTS", Type.BOOL, "defaults", "display_skipped_hosts", "ANSIBLE_DISPLAY_SKIPPED_HOSTS", true),
                d("DISPLAY_OK_HOSTS", Type.BOOL, "defaults", "display_ok_hosts", "ANSIBLE_DISPLAY_OK_HOSTS", true),
                d("PLUGIN_FILTERS_CFG", Type.PATH, "defaults", "plugin_filters_cfg", "ANSIBLE_PLUGIN_FILTERS_CFG", null),
                d("SHOW_CUSTOM_STATS", Type.BOOL, "defaults", "show_custom_stats", "ANSIBLE_SHOW_CUSTOM_STATS", false),
                d("DEPRECATION_WARNINGS", Type.BOOL, "defaults", "deprecation_warnings", "ANSIBLE_DEPRECATION_WARNINGS", true),
                d("SYSTEM_WARNINGS", Type.BOOL, "defaults", "system_warnings", "ANSIBLE_SYSTEM_WARNINGS", true),
                d("LOCALHOST_WARNING", Type.BOOL, "defaults", "localhost_warning", "ANSIBLE_LOCALHOST_WARNING", true),
                d("DEFAULT_JINJA2_NATIVE", Type.BOOL, "defaults", "jinja2_native", "ANSIBLE_JINJA2_NATIVE", false),
                d("STRING_TYPE_FILTERS", Type.LIST, "jinja2", "dont_type_filters", "ANSIBLE_STRING_TYPE_FILTERS",
                        List.of("string", "to_json", "to_nice_json", "to_yaml", "to_nice_yaml", "ppretty", "json")),
                d("DEFAULT_JINJA2_EXTENSIONS", Type.LIST, "defaults", "jinja2_extensions", "ANSIBLE_JINJA2_EXTENSIONS", List.of()),
                d("DEFAULT_HASH_BEHAVIOUR", Type.STRING, "defaults", "hash_behaviour", "ANSIBLE_HASH_BEHAVIOUR", "replace"),
                d("DEFAULT_PRIVATE_ROLE_VARS", Type.BOOL, "defaults", "private_role_vars", "ANSIBLE_PRIVATE_ROLE_VARS", false),
                d("DEFAULT_NO_LOG", Type.BOOL, "defaults", "no_log", "ANSIBLE_NO_LOG", false),
                d("DIFF_CONTEXT", Type.INT, "diff", "context", "ANSIBLE_DIFF_CONTEXT", 3L),
                d("ANSIBLE_SSH_ARGS", Type.STRING, "ssh_connection", "ssh_args", "ANSIBLE_SSH_ARGS",
                        "-C -o ControlMaster=auto -o ControlPersist=60s"),
                d("ANSIBLE_PIPELINING", Type.BOOL, "ssh_connection", "pipelining", "ANSIBLE_PIPELINING", false),
                // jplay's own: commands in one persistent shell per host and become user (off: a channel per command)
                d("JPLAY_PERSISTENT_SHELL", Type.BOOL, "jplay", "persistent_shell", "JPLAY_PERSISTENT_SHELL", true));
    }

    private static Def d(String name, Type type, String section, String key, String env, Object def) {
        return new Def(name, type, section, List.of(key), List.of(env), def);
    }

    private final Path file;
    private final Map<String, Setting> settings = new LinkedHashMap<>();

    private AnsibleConfig(Path file) {
        this.file = file;
    }

    public static AnsibleConfig load(Map<String, String> env, Path cwd, Path home) {
        Path file = find(env, cwd, home);
        AnsibleConfig c = new AnsibleConfig(file);
        Map<String, Map<String, String>> ini = file == null ? Map.of() : parse(file);
        for (Def d : defs(home.toString())) {
            Setting s = new Setting(d.name(), d.def(), "default");
            for (String k : d.keys()) {
                String v = ini.getOrDefault(d.section(), Map.of()).get(k);
                if (v != null) {
                    s = new Setting(d.name(), convert(d, v, file.getParent(), file.toString()), file.toString());
                    break;
                }
            }
            for (String e : d.env()) {
                String v = env.get(e);
                if (v != null) {
                    s = new Setting(d.name(), convert(d, v, cwd, "environment variable " + e), "env: " + e);
                    break;
                }
            }
            c.settings.put(d.name(), s);
        }
        return c;
    }

    private static Path find(Map<String, String> env, Path cwd, Path home) {
        String e = env.get("ANSIBLE_CONFIG");
        if (e != null && !e.isBlank()) {
            Path p = cwd.resolve(e);
            if (Files.isDirectory(p)) p = p.resolve("ansible.cfg");
            if (Files.isRegularFile(p)) return p;
        }
        Path local = cwd.resolve("ansible.cfg");
        if (Files.isRegularFile(local) && !worldWritable(cwd)) return local;
        for (Path p : List.of(home.resolve(".ansible.cfg"), Path.of("/etc/ansible/ansible.cfg"))) {
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private static boolean worldWritable(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Python configparser rules: sections, {@code key = value} or {@code key: value}, comments, inline {@code ;} comments. */
    static Map<String, Map<String, String>> parse(Path file) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        String section = null;
        String lastKey = null;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return out;
        }
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                out.computeIfAbsent(section, k -> new LinkedHashMap<>());
                continue;
            }
            if (section == null) {
                throw new SourceException("Error reading config file (" + file + "): File contains no section headers.",
                        new Loc(file.toString(), n, 1), "an ansible.cfg starts with a section, e.g.  [defaults]", null, Kind.OPTIONS);
            }
            if (Character.isWhitespace(raw.charAt(0)) && lastKey != null) {
                Map<String, String> s = out.get(section);
                s.put(lastKey, s.get(lastKey) + "\n" + line);
                continue;
            }
            int eq = firstOf(line, '=', ':');
            if (eq <= 0) {
                throw new SourceException("Error reading config file (" + file + "): Source contains parsing errors", new Loc(file.toString(), n, 1),
                        "a setting is written  key = value", null, Kind.OPTIONS);
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            int c = value.indexOf(" ;");
            if (c >= 0) value = value.substring(0, c).strip();
            out.get(section).put(key, value);
            lastKey = key;
        }
        return out;
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) return j;
        if (j < 0) return i;
        return Math.min(i, j);
    }

    private static Object convert(Def d, String v, Path base, String where) {
        try {
            return convert(d.type(), v, base);
        } catch (NumberFormatException e) {
            throw new SourceException("Invalid type for configuration option setting: " + d.name() + " : invalid literal for int() with base 10: '"
                    + v.strip() + "' (from " + where + ")", Loc.UNKNOWN, null, null, Kind.OPTIONS);
        }
    }

    private static Object convert(Type t, String v, Path base) {
        String s = v.strip();
        return switch (t) {
            case INT -> Long.parseLong(s);
            case BOOL -> switch (s.toLowerCase(Locale.ROOT)) {
                case "1", "yes", "true", "on", "y", "t" -> true;
                default -> false;
            };
            case LIST -> split(s, ",");
            case PATH -> s.isEmpty() ? null : path(s, base);
            case PATHLIST -> split(s, ",").stream().map(p -> path(p, base)).toList();
            case PATHSPEC -> split(s, ":").stream().map(p -> path(p, base)).toList();
            default -> unquote(s);
        };
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static List<String> split(String s, String sep) {
        List<String> out = new ArrayList<>();
        for (String p : s.split(sep)) if (!p.isBlank()) out.add(p.strip());
        return out;
    }

    private static String path(String p, Path base) {
        String s = unquote(p.strip());
        if (s.equals("~") || s.startsWith("~/")) s = System.getProperty("user.home") + s.substring(1);
        Path path = Path.of(s);
        return (path.isAbsolute() || base == null ? path : base.resolve(path)).normalize().toString();
    }

    public Path file() {
        return file;
    }

    /**
     * Refuses the settings jplay does not implement rather than ignore them, located where they were set: now
     * {@code hash_behaviour = merge} (jplay replaces dictionaries, Ansible's default).
     */
    public void refuseUnimplemented() {
        Setting s = settings.get("DEFAULT_HASH_BEHAVIOUR");
        if (s != null && "merge".equals(s.value())) {
            throw new SourceException("hash_behaviour = merge is not supported by jplay: variables that are dictionaries replace "
                    + "each other, as with Ansible's default (replace)", where(s, "hash_behaviour"),
                    "remove the setting, and merge where needed with the combine filter: {{ a | combine(b, recursive=true) }}",
                    null, Kind.OPTIONS);
        }
    }

    /** Where a setting was set: its environment variable, or its line in the config file. */
    private Loc where(Setting s, String key) {
        return s.origin().startsWith("env: ") ? Loc.of("environment variable " + s.origin().substring(5)) : keyLoc(key);
    }

    /** Where {@code key} is set in the config file (its first line that sets it), or the file. */
    private Loc keyLoc(String key) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.strip().matches(java.util.regex.Pattern.quote(key) + "\\s*[=:].*")) {
                    return new Loc(file.toString(), i + 1, l.indexOf(key) + 1);
                }
            }
        } catch (IOException e) {
            // the file's position
        }
        return Loc.of(file.toString());
    }

    public List<Setting> settings() {
        return List.copyOf(settings.values());
    }

    /** A known setting's value (the config lookup), or empty when jplay has no such setting. */
    public java.util.Optional<Object> find(String name) {
        Setting s = settings.get(name);
        return s == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(s.value());
    }

    public Object get(String name) {
        Setting s = settings.get(name);
        return s == null ? null : s.value();
    }

    public String string(String name) {
        Object v = get(name);
        return v == null ? null : v.toString();
    }

    public boolean bool(String name) {
        return Boolean.TRUE.equals(get(name));
    }

    public int integer(String name) {
        return ((Number) get(name)).intValue();
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        Object v = get(name);
        return v == null ? List.of() : (List<String>) v;
    }

    /** {@code ansible-config dump} lines: {@code NAME(origin) = value}, only changed ones when asked. */
    public List<String> dump(boolean onlyChanged) {
        List<String> out = new ArrayList<>();
        out.add("CONFIG_FILE() = " + (file == null ? "None" : file));
        for (Setting s : settings.values()) {
            if (onlyChanged && s.origin().equals("default")) continue;
            out.add(s.name() + "(" + s.origin() + ") = " + pyValue(s.value()));
        }
        return out;
    }

    private static String pyValue(Object v) {
        if (v instanceof List<?> l) return "[" + String.join(", ", l.stream().map(x -> "'" + x + "'").toList()) + "]";
        return dev.jplay.data.Py.str(v);
    }
}
