package dev.jplay.modules.packages;

import dev.jplay.connection.ShellCommand;

/**
 * An Ubuntu {@code ppa:owner/name} repository: its sources line for a release, and the host-side script that
 * looks up its signing key on Launchpad and receives it with apt-key unless apt already has it (as Ansible does).
 */
record Ppa(String owner, String name, String codename) {
    static Ppa parse(String repo, String codename) {
        String path = repo.substring("ppa:".length());
        int slash = path.indexOf('/');
        return slash < 0 ? new Ppa(path, "ppa", codename) : new Ppa(path.substring(0, slash), path.substring(slash + 1), codename);
    }

    String source() {
        return "deb http://ppa.launchpad.net/" + owner + "/" + name + "/ubuntu " + codename + " main";
    }

    String keyScript() {
        String api = "https://launchpad.net/api/1.0/~" + owner + "/+archive/" + name;
        return "fp=$(curl -fsSL -H 'Accept: application/json' " + ShellCommand.quote(api) + " 2>&1 | "
                + "sed -n 's/.*\"signing_key_fingerprint\": *\"\\([0-9A-Fa-f]*\\)\".*/\\1/p') && [ -n \"$fp\" ] || "
                + "{ echo 'no signing key for " + owner + "/" + name + "'; exit 1; }; "
                + "[ -z \"$(apt-key export \"$fp\" 2>&1 >/dev/null)\" ] || apt-key adv --recv-keys --no-tty "
                + "--keyserver hkp://keyserver.ubuntu.com:80 \"$fp\" 2>&1";
    }
}
