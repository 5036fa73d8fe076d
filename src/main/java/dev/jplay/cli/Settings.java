package dev.jplay.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The configuration values a run needs, typed, from {@link AnsibleConfig} (ansible.cfg and {@code ANSIBLE_*}),
 * plus the colour decision. Command-line flags override these in {@link Wiring}.
 */
record Settings(List<String> inventory, int forks, String remoteUser, String privateKeyFile, boolean hostKeyChecking,
                List<Path> rolesPath, List<Path> library, int timeout, int taskTimeout, boolean become, String becomeMethod,
                String becomeUser, String becomeFlags, boolean becomeAskPass, boolean askPass, String stdoutCallback,
                List<String> callbacksEnabled, boolean retryFilesEnabled, Path retryFilesSavePath, String sshArgs, String gathering,
                List<String> gatherSubset, String strategy, boolean anyErrorsFatal, Path vaultPasswordFile,
                String vaultIdentity, List<String> vaultIdentityList, String vaultEncryptIdentity, Boolean color,
                boolean displaySkipped, boolean displayOk, Path configFile,
                List<Path> collectionsPaths, boolean collectionsScanSysPath, List<String> pythonModules, boolean persistentShell,
                String cachePlugin, String cacheConnection, long cacheTimeout, String cachePrefix,
                List<String> jinja2Extensions, Function<String, Optional<Object>> setting) {

    static Settings load(Map<String, String> env, Path cwd) {
        AnsibleConfig c = AnsibleConfig.load(env, cwd, Path.of(System.getProperty("user.home")));
        c.refuseUnimplemented();
        Boolean color = null;
        if (env.containsKey("NO_COLOR") || c.bool("ANSIBLE_NOCOLOR")) color = false;
        else if (c.bool("ANSIBLE_FORCE_COLOR")) color = true;
        return new Settings(c.list("DEFAULT_HOST_LIST"), c.integer("DEFAULT_FORKS"), c.string("DEFAULT_REMOTE_USER"),
                c.string("DEFAULT_PRIVATE_KEY_FILE"), c.bool("HOST_KEY_CHECKING"), paths(c.list("DEFAULT_ROLES_PATH")),
                paths(c.list("DEFAULT_MODULE_PATH")), c.integer("DEFAULT_TIMEOUT"), c.integer("TASK_TIMEOUT"), c.bool("DEFAULT_BECOME"),
                c.string("DEFAULT_BECOME_METHOD"), c.string("DEFAULT_BECOME_USER"), c.string("DEFAULT_BECOME_FLAGS"),
                c.bool("DEFAULT_BECOME_ASK_PASS"), c.bool("DEFAULT_ASK_PASS"), c.string("DEFAULT_STDOUT_CALLBACK"),
                c.list("CALLBACKS_ENABLED"), c.bool("RETRY_FILES_ENABLED"),
                c.string("RETRY_FILES_SAVE_PATH") == null ? null : Path.of(c.string("RETRY_FILES_SAVE_PATH")),
                c.string("ANSIBLE_SSH_ARGS"), c.string("DEFAULT_GATHERING"),
                c.get("DEFAULT_GATHER_SUBSET") == null ? List.of("all") : c.list("DEFAULT_GATHER_SUBSET"), c.string("DEFAULT_STRATEGY"),
                c.bool("ANY_ERRORS_FATAL"),
                c.string("DEFAULT_VAULT_PASSWORD_FILE") == null ? null : Path.of(c.string("DEFAULT_VAULT_PASSWORD_FILE")),
                c.string("DEFAULT_VAULT_IDENTITY"), c.list("DEFAULT_VAULT_IDENTITY_LIST"), c.string("DEFAULT_VAULT_ENCRYPT_IDENTITY"), color,
                c.bool("DISPLAY_SKIPPED_HOSTS"), c.bool("DISPLAY_OK_HOSTS"), c.file(),
                paths(c.list("COLLECTIONS_PATHS")), c.bool("COLLECTIONS_SCAN_SYS_PATH"), c.list("JPLAY_PYTHON_MODULES"),
                c.bool("JPLAY_PERSISTENT_SHELL"),
                c.string("CACHE_PLUGIN"), c.string("CACHE_PLUGIN_CONNECTION"), c.integer("CACHE_PLUGIN_TIMEOUT"), c.string("CACHE_PLUGIN_PREFIX"),
                c.list("DEFAULT_JINJA2_EXTENSIONS"), c::find);
    }

    /** The inventory plugins enabled, in the order they are tried ({@code [inventory] enable_plugins}). */
    List<String> inventoryPlugins() {
        return setting.apply("INVENTORY_ENABLED").map(v -> ((List<?>) v).stream().map(String::valueOf).toList())
                .orElse(List.of("host_list", "script", "auto", "yaml", "ini", "toml"));
    }

    /** A string setting by name, or null. */
    String string(String name) {
        return setting.apply(name).map(String::valueOf).orElse(null);
    }

    private static List<Path> paths(List<String> l) {
        return l.stream().map(Path::of).toList();
    }
}
