package dev.jplay.connection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The effective SSH settings for one target, resolved the way OpenSSH resolves them: the target's explicit
 * values (from inventory variables), then {@code -o}/{@code -i}/{@code -p}/{@code -l}/{@code -J} arguments
 * (from {@code ansible_ssh_common_args}, {@code ssh_args}, ...), then the ssh_config file ({@code -F} or
 * {@code ~/.ssh/config}); the first value found wins. Unknown or irrelevant options (ControlMaster,
 * ControlPersist, Compression ...) are accepted and ignored, since one connection per host already persists.
 */
public record SshOptions(String host, int port, String user, List<Path> identityFiles, boolean explicitIdentities,
                         List<Path> knownHosts, Target.HostKeyPolicy hostKeys, String proxyJump, Duration connectTimeout,
                         int aliveInterval, int aliveCountMax, List<String> ignored) {

    /** Resolves {@code t} with {@code home} as the user's home directory. */
    public static SshOptions resolve(Target t, Path home) throws IOException {
        Args a = Args.parse(t.sshArgs());
        Path cfgFile = a.configFile != null ? expand(a.configFile, home, t) : home.resolve(".ssh/config");
        SshConfigFile file = a.configFile != null && a.configFile.equals("none") ? SshConfigFile.empty() : SshConfigFile.load(cfgFile);
        Map<String, String> cfg = new LinkedHashMap<>(a.options);
        file.forHost(t.name()).forEach(cfg::putIfAbsent);
        if (!t.address().equals(t.name())) file.forHost(t.address()).forEach(cfg::putIfAbsent);

        String host = t.address().equals(t.name()) ? cfg.getOrDefault("hostname", t.address()) : t.address();
        int port = t.port() > 0 ? t.port() : Integer.parseInt(cfg.getOrDefault("port", "22"));
        String user = t.user() != null ? t.user() : cfg.getOrDefault("user", System.getProperty("user.name"));

        List<String> ids = new ArrayList<>(t.identityFiles());
        ids.addAll(a.identities);
        ids.addAll(file.allForHost(t.name(), "identityfile"));
        boolean explicit = !ids.isEmpty();
        if (!explicit) ids.addAll(List.of("~/.ssh/id_ed25519", "~/.ssh/id_ecdsa", "~/.ssh/id_rsa"));
        List<Path> idPaths = new ArrayList<>();
        for (String id : ids) {
            Path p = expand(id, home, t);
            if (!idPaths.contains(p) && (explicit || Files.isReadable(p))) idPaths.add(p);
        }

        List<Path> known = new ArrayList<>();
        for (String f : cfg.getOrDefault("userknownhostsfile", "~/.ssh/known_hosts ~/.ssh/known_hosts2").split("\\s+")) {
            known.add(expand(f, home, t));
        }
        for (String f : cfg.getOrDefault("globalknownhostsfile", "/etc/ssh/ssh_known_hosts /etc/ssh/ssh_known_hosts2").split("\\s+")) {
            known.add(expand(f, home, t));
        }

        Target.HostKeyPolicy policy = t.hostKeys() == Target.HostKeyPolicy.OFF ? Target.HostKeyPolicy.OFF
                : strictness(cfg.get("stricthostkeychecking"), t.hostKeys());
        Duration timeout = t.connectTimeout() != null ? t.connectTimeout()
                : cfg.containsKey("connecttimeout") ? Duration.ofSeconds(Long.parseLong(cfg.get("connecttimeout"))) : Duration.ofSeconds(10);
        String jump = a.jump != null ? a.jump : cfg.get("proxyjump");
        if ("none".equalsIgnoreCase(jump)) jump = null;
        int alive = Integer.parseInt(cfg.getOrDefault("serveraliveinterval", "15"));
        int count = Integer.parseInt(cfg.getOrDefault("serveralivecountmax", "3"));
        List<String> ignored = new ArrayList<>(a.unsupported);
        if (cfg.containsKey("proxycommand") && !"none".equalsIgnoreCase(cfg.get("proxycommand"))) ignored.add("ProxyCommand");
        return new SshOptions(host, port, user, idPaths, explicit, known, policy, jump, timeout, alive, count, ignored);
    }

    private static Target.HostKeyPolicy strictness(String value, Target.HostKeyPolicy dflt) {
        if (value == null) return dflt;
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "no", "off", "false" -> Target.HostKeyPolicy.OFF;
            case "accept-new" -> Target.HostKeyPolicy.ACCEPT_NEW;
            default -> Target.HostKeyPolicy.STRICT;
        };
    }

    /** Expands {@code ~} and the common % tokens of ssh_config paths. */
    static Path expand(String path, Path home, Target t) {
        String p = path;
        if (p.equals("~")) p = home.toString();
        else if (p.startsWith("~/")) p = home + p.substring(1);
        p = p.replace("%d", home.toString()).replace("%u", System.getProperty("user.name"))
             .replace("%h", t.address()).replace("%n", t.name()).replace("%%", "%");
        if (t.user() != null) p = p.replace("%r", t.user());
        return Path.of(p);
    }

    /** The parts of an OpenSSH command line that matter here. */
    private static final class Args {
        final Map<String, String> options = new LinkedHashMap<>();
        final List<String> identities = new ArrayList<>();
        final List<String> unsupported = new ArrayList<>();
        String configFile;
        String jump;

        static Args parse(List<String> argv) {
            Args a = new Args();
            for (int i = 0; i < argv.size(); i++) {
                String w = argv.get(i);
                if (w.length() < 2 || w.charAt(0) != '-') continue;
                char f = w.charAt(1);
                if ("oFiJpl".indexOf(f) < 0) continue;
                String v = w.length() > 2 ? w.substring(2) : i + 1 < argv.size() ? argv.get(++i) : "";
                switch (f) {
                    case 'o' -> {
                        String[] kv = SshConfigFile.split(v);
                        if (kv != null) a.options.putIfAbsent(kv[0], kv[1]);
                        if (kv != null && kv[0].equals("identityfile")) a.identities.add(kv[1]);
                    }
                    case 'F' -> a.configFile = v;
                    case 'i' -> a.identities.add(v);
                    case 'J' -> a.jump = v;
                    case 'p' -> a.options.putIfAbsent("port", v);
                    default -> a.options.putIfAbsent("user", v);
                }
            }
            return a;
        }
    }
}
