package dev.jplay.modules.files;

import static dev.jplay.connection.ShellCommand.quote;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code stat}: facts about a host path (the keys of Ansible's stat dict), read with one shell command. */
public final class Stat implements Module {
    private final ModuleSpec spec = ModuleSpec.builder("stat")
            .doc("Retrieve file or file system status", "Returns facts about a path: existence, type, mode, owner, size, times, "
                    + "checksum, link target, MIME type.")
            .param(Param.of("path").path().required().aliases("dest", "name").doc("The path."))
            .param(Param.of("follow").bool().def(false).doc("Follow symlinks."))
            .param(Param.of("get_checksum").bool().def(true).doc("Return the checksum of a regular file."))
            .param(Param.of("checksum_algorithm").str().def("sha1").aliases("checksum", "checksum_algo")
                    .choices("md5", "sha1", "sha224", "sha256", "sha384", "sha512").doc("Checksum algorithm."))
            .param(Param.of("get_mime").bool().def(true).aliases("mime", "mime_type", "mime-type").doc("Return mimetype and charset."))
            .param(Param.of("get_attributes").bool().def(true).aliases("attr", "attributes").doc("Accepted; attributes are not read."))
            .param(Param.of("get_md5").bool().def(false).doc("Deprecated; ignored."))
            .returns("stat", "dict: exists, isdir, isreg, islnk, mode, uid, gid, pw_name, gr_name, size, mtime, checksum, lnk_source, ...", "success")
            .performance("1 round trip")
            .example("- ansible.builtin.stat:\n    path: /etc/app.conf\n  register: conf\n- ansible.builtin.debug:\n    msg: present\n  when: conf.stat.exists")
            .build();

    private static final String FORMAT = "%f %u %g %s %i %d %h %.9X %.9Y %.9Z %b %B %t %T %U %G";

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        String path = a.str("path");
        ExecResult r = ctx.sh(script(path, a));
        String[] lines = r.out().split("\n", -1);
        if (lines.length == 0 || !lines[0].startsWith("S ")) return ModuleResult.ok().put("stat", Map.of("exists", false));
        Map<String, Object> st = new LinkedHashMap<>();
        String[] f = lines[0].substring(2).split(" ", 16);
        int raw = Integer.parseInt(f[0], 16);
        int mode = raw & 07777;
        int type = raw & 0170000;
        st.put("exists", true);
        putCommon(st, path, mode, typeLetter(type), f, 1);
        permissionBits(st, mode);
        st.put("blocks", Long.parseLong(f[10]));
        st.put("block_size", Long.parseLong(f[11]));
        if (type == 0020000 || type == 0060000) st.put("device_type", Long.parseLong(f[12], 16) * 256 + Long.parseLong(f[13], 16));
        st.put("pw_name", f[14]);
        st.put("gr_name", f[15]);
        st.put("readable", false);
        st.put("writeable", false);
        st.put("executable", false);
        for (int i = 1; i < lines.length; i++) extra(st, lines[i]);
        return ModuleResult.ok().put("stat", st);
    }

    private static String script(String path, ModuleArgs a) {
        String q = quote(path);
        String l = a.bool("follow") ? "-L " : "";
        StringBuilder sb = new StringBuilder("[ -e ").append(q).append(" ] || [ -L ").append(q).append(" ] || exit 0; ");
        sb.append("printf 'S %s\\n' \"$(stat ").append(l).append("-c '").append(FORMAT).append("' -- ").append(q).append(")\"; ");
        sb.append("if [ -L ").append(q).append(" ]; then printf 'T %s\\n' \"$(readlink -- ").append(q)
          .append(")\"; printf 'L %s\\n' \"$(readlink -f -- ").append(q).append(")\"; fi; ");
        sb.append("[ -r ").append(q).append(" ] && echo R; [ -w ").append(q).append(" ] && echo W; [ -x ").append(q).append(" ] && echo X; ");
        if (a.bool("get_checksum")) {
            sb.append("[ -f ").append(q).append(" ] && [ -r ").append(q).append(" ] && printf 'C %s\\n' \"$(")
              .append(a.str("checksum_algorithm")).append("sum < ").append(q).append(" | cut -d' ' -f1)\"; ");
        }
        if (a.bool("get_mime")) sb.append("command -v file >/dev/null && printf 'M %s\\n' \"$(file -b --mime -- ").append(q).append(")\"; ");
        return sb.append("exit 0").toString();
    }

    private static void extra(Map<String, Object> st, String line) {
        if (line.startsWith("T ")) st.put("lnk_target", line.substring(2));
        else if (line.startsWith("L ")) st.put("lnk_source", line.substring(2));
        else if (line.equals("R")) st.put("readable", true);
        else if (line.equals("W")) st.put("writeable", true);
        else if (line.equals("X")) st.put("executable", true);
        else if (line.startsWith("C ")) st.put("checksum", line.substring(2));
        else if (line.startsWith("M ")) {
            String[] m = line.substring(2).split(";\\s*charset=", 2);
            st.put("mimetype", m[0]);
            st.put("charset", m.length > 1 ? m[1] : "unknown");
        }
    }

    /** The rusr..xoth, isuid, isgid keys of a stat dict. */
    /**
     * The keys stat and find both return: path, mode, the is* flags for {@code type} (find's {@code %y} letter:
     * d c b f p l s), then uid, gid, size, inode, dev, nlink, atime, mtime, ctime from {@code f[from..from+8]}.
     */
    static void putCommon(Map<String, Object> st, String path, int mode, char type, String[] f, int from) {
        st.put("path", path);
        st.put("mode", Modes.octal(mode));
        st.put("isdir", type == 'd');
        st.put("ischr", type == 'c');
        st.put("isblk", type == 'b');
        st.put("isreg", type == 'f');
        st.put("isfifo", type == 'p');
        st.put("islnk", type == 'l');
        st.put("issock", type == 's');
        String[] longs = {"uid", "gid", "size", "inode", "dev", "nlink"};
        for (int i = 0; i < longs.length; i++) st.put(longs[i], Long.parseLong(f[from + i]));
        String[] times = {"atime", "mtime", "ctime"};
        for (int i = 0; i < times.length; i++) st.put(times[i], Double.parseDouble(f[from + longs.length + i]));
    }

    /** find's {@code %y} letter for the file-type bits of a mode. */
    private static char typeLetter(int typeBits) {
        return switch (typeBits) {
            case 0040000 -> 'd';
            case 0020000 -> 'c';
            case 0060000 -> 'b';
            case 0100000 -> 'f';
            case 0010000 -> 'p';
            case 0120000 -> 'l';
            case 0140000 -> 's';
            default -> '?';
        };
    }

    static void permissionBits(Map<String, Object> st, int mode) {
        String[] names = {"xoth", "woth", "roth", "xgrp", "wgrp", "rgrp", "xusr", "wusr", "rusr"};
        for (int i = names.length - 1; i >= 0; i--) st.put(names[i], (mode & (1 << i)) != 0);
        st.put("isuid", (mode & 04000) != 0);
        st.put("isgid", (mode & 02000) != 0);
    }
}
