package dev.jplay.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The configuration values a run needs, typed: what ansible.cfg and the {@code ANSIBLE_*} environment variables say,
 * with Ansible's defaults. Command-line flags override these in {@link Wiring}.
 */
record Settings(List<String> inventory, int forks, String remoteUser, String privateKeyFile, boolean hostKeyChecking,
                List<Path> rolesPath, List<Path> library, int timeout, boolean become, String becomeMethod, String becomeUser,
                String becomeFlags, boolean becomeAskPass, String stdoutCallback, List<String> callbacksEnabled,
                boolean retryFilesEnabled, Path retryFilesSavePath, String sshArgs, String gathering, List<String> gatherSubset,
                String strategy, boolean anyErrorsFatal, Path vaultPasswordFile, Boolean color, Path configFile) {

    /** Reads the environment ({@code ANSIBLE_*}); the configuration file is read by {@link AnsibleConfigSettings}. */
    static Settings fromEnv(Map<String, String> env) {
        return new Settings(list(env.get("ANSIBLE_INVENTORY"), "/etc/ansible/hosts"), integer(env.get("ANSIBLE_FORKS"), 5),
                env.get("ANSIBLE_REMOTE_USER"), env.get("ANSIBLE_PRIVATE_KEY_FILE"), bool(env.get("ANSIBLE_HOST_KEY_CHECKING"), true),
                paths(env.get("ANSIBLE_ROLES_PATH")), paths(env.get("ANSIBLE_LIBRARY")), integer(env.get("ANSIBLE_TIMEOUT"), 10),
                bool(env.get("ANSIBLE_BECOME"), false), env.get("ANSIBLE_BECOME_METHOD"), env.get("ANSIBLE_BECOME_USER"),
                env.get("ANSIBLE_BECOME_FLAGS"), bool(env.get("ANSIBLE_BECOME_ASK_PASS"), false),
                env.getOrDefault("ANSIBLE_STDOUT_CALLBACK", "default"), list(env.get("ANSIBLE_CALLBACKS_ENABLED"), null),
                bool(env.get("ANSIBLE_RETRY_FILES_ENABLED"), false),
                env.get("ANSIBLE_RETRY_FILES_SAVE_PATH") == null ? null : Path.of(env.get("ANSIBLE_RETRY_FILES_SAVE_PATH")),
                env.get("ANSIBLE_SSH_ARGS"), env.getOrDefault("ANSIBLE_GATHERING", "implicit"),
                list(env.get("ANSIBLE_GATHER_SUBSET"), "all"), env.getOrDefault("ANSIBLE_STRATEGY", "linear"),
                bool(env.get("ANSIBLE_ANY_ERRORS_FATAL"), false),
                env.get("ANSIBLE_VAULT_PASSWORD_FILE") == null ? null : Path.of(env.get("ANSIBLE_VAULT_PASSWORD_FILE")),
                color(env), null);
    }

    private static Boolean color(Map<String, String> env) {
        if (env.containsKey("NO_COLOR") || bool(env.get("ANSIBLE_NOCOLOR"), false)) return false;
        if (bool(env.get("ANSIBLE_FORCE_COLOR"), false)) return true;
        return null;
    }

    private static List<String> list(String v, String def) {
        if (v == null || v.isBlank()) return def == null ? List.of() : List.of(def);
        return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Path> paths(String v) {
        if (v == null || v.isBlank()) return List.of();
        return Arrays.stream(v.split(":")).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    private static int integer(String v, int def) {
        return v == null || v.isBlank() ? def : Integer.parseInt(v.strip());
    }

    private static boolean bool(String v, boolean def) {
        if (v == null || v.isBlank()) return def;
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "yes", "true", "on", "y", "t" -> true;
            default -> false;
        };
    }
}
