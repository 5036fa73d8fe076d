package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.modules.ModuleArgs;

/**
 * The one shell script behind unarchive: unpack into a scratch directory, apply the task's
 * attributes there, print {@code F path} per entry and {@code D path} per entry that differs from dest, then
 * (unless check mode) copy the scratch tree over dest with {@code cp -a} when something differs, and clean up.
 */
final class Extract {
    private Extract() {}

    static String script(ModuleArgs a, String archive, String dest, boolean zip, boolean check, boolean removeArchive) {
        String qa = quote(archive);
        String qd = quote(dest);
        StringBuilder sb = new StringBuilder();
        sb.append("a_=").append(removeArchive ? qa : "''").append("; w_=$(mktemp -d) || exit 1; trap 'rm -rf \"$w_\" $a_' EXIT; ");
        sb.append("x_=\"$w_/t\"; mkdir \"$x_\" || exit 1; ");
        sb.append("[ -f ").append(qa).append(" ] || { echo NOSRC; exit 0; }; ");
        sb.append("[ -s ").append(qa).append(" ] || { echo EMPTY; exit 0; }; ");
        sb.append("[ -d ").append(qd).append(" ] || { echo NODEST; exit 0; }; ");
        sb.append(unpack(a, qa, zip)).append(" >&2 || exit 1; ");
        String attrs = RecursiveAttrs.commandsFor("\"$x_\"/.", Attrs.of(a));
        if (!attrs.isEmpty()) sb.append(attrs).append(" >&2 || exit 1; ");
        sb.append("cd \"$x_\" && find . -mindepth 1 | sed 's|^\\./||' | while IFS= read -r f; do printf 'F %s\\n' \"$f\"; t_=")
          .append(qd).append("/\"$f\"; ");
        sb.append("if [ -L \"$f\" ]; then [ \"$(readlink -- \"$f\")\" = \"$(readlink -- \"$t_\" 2>/dev/null)\" ] || echo \"D $f\"; ");
        sb.append("elif [ -d \"$f\" ]; then [ -d \"$t_\" ] && [ ! -L \"$t_\" ] || echo \"D $f\"; ");
        sb.append("else [ -f \"$t_\" ] && [ ! -L \"$t_\" ] && cmp -s -- \"$f\" \"$t_\" || echo \"D $f\"; fi; ");
        sb.append("[ -L \"$f\" ] || [ \"$(stat -c '%a %u %g' -- \"$f\")\" = \"$(stat -c '%a %u %g' -- \"$t_\" 2>/dev/null)\" ] || echo \"D $f\"; ");
        sb.append("done > \"$w_/list\"; cat \"$w_/list\"; ");
        if (!check) sb.append("if grep -q '^D ' \"$w_/list\"; then cp -a . ").append(qd).append("/ || exit 1; fi; ");
        return sb.append("true").toString();
    }

    private static String unpack(ModuleArgs a, String qa, boolean zip) {
        StringBuilder sb = new StringBuilder();
        if (zip) {
            sb.append("unzip -q -o");
            for (String o : a.strings("extra_opts")) sb.append(' ').append(quote(o));
            sb.append(' ').append(qa);
            for (String i : a.strings("include")) sb.append(' ').append(quote(i));
            if (!a.strings("exclude").isEmpty()) {
                sb.append(" -x");
                for (String e : a.strings("exclude")) sb.append(' ').append(quote(e));
            }
            return sb.append(" -d \"$x_\"").toString();
        }
        sb.append("tar -xf ").append(qa).append(" -C \"$x_\"");
        for (String e : a.strings("exclude")) sb.append(" --exclude=").append(quote(e));
        for (String o : a.strings("extra_opts")) sb.append(' ').append(quote(o));
        for (String i : a.strings("include")) sb.append(' ').append(quote(i));
        return sb.toString();
    }
}
