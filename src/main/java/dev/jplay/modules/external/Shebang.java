package dev.jplay.modules.external;

import dev.jplay.connection.ShellWords;
import dev.jplay.data.Py;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.python.Interpreter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How a drop-in module's {@code #!} line is honoured, as ansible-core's {@code _get_shebang} does: a module whose
 * interpreter is named {@code python} ({@code #!/usr/bin/python}, any directory) runs under the host's Python
 * ({@link Interpreter}: {@code ansible_python_interpreter}, else the discovered one); any other {@code #!/path/NAME}
 * under {@code ansible_NAME_interpreter} when the host has that variable; else the line is kept as written.
 *
 * @param module the module's bytes, its first line rewritten when the interpreter is known
 * @param discover true when the host's Python is still to be discovered (by {@link Interpreter#select}) before
 *     {@link #command} starts the module
 * @param args the words after the interpreter on the first line, kept after the new one
 * @param interpreter the interpreter the module runs under, null when it has no {@code #!} line
 */
record Shebang(byte[] module, boolean discover, List<String> args, String interpreter) {

    static Shebang of(byte[] module, ModuleContext ctx) {
        int nl = indexOf(module, (byte) '\n');
        String first = new String(module, 0, nl < 0 ? module.length : nl, StandardCharsets.UTF_8).strip();
        if (!first.startsWith("#!")) return new Shebang(module, false, List.of(), null);
        List<String> words;
        try {
            words = ShellWords.split(first.substring(2));
        } catch (RuntimeException e) {
            return new Shebang(module, false, List.of(), null);
        }
        if (words.isEmpty()) return new Shebang(module, false, List.of(), null);
        String interpreter = words.get(0);
        List<String> args = words.subList(1, words.size());
        String name = interpreter.substring(interpreter.lastIndexOf('/') + 1).strip();
        String chosen;
        if (name.equals("python")) {
            chosen = Interpreter.known(ctx);
            if (chosen.isEmpty()) return new Shebang(module, true, args, interpreter);
        } else {
            chosen = Interpreter.variable(ctx, "ansible_" + name + "_interpreter");
        }
        if (chosen.isEmpty() || chosen.equals(interpreter)) return new Shebang(module, false, args, interpreter);
        String line = "#!" + chosen + (args.isEmpty() ? "" : " " + String.join(" ", args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        if (nl >= 0) out.write(module, nl, module.length - nl);
        return new Shebang(out.toByteArray(), false, args, chosen);
    }

    /**
     * The words that start the module file: none when it has no {@code #!} line, else its interpreter (the
     * discovered Python, or the chosen one's words) and the line's arguments, so a missing interpreter is named in
     * the shell's error as in Ansible's.
     */
    String command() {
        if (interpreter == null) return "";
        StringBuilder sb = new StringBuilder(Interpreter.command(discover ? "" : interpreter));
        for (String a : args) sb.append(' ').append(Py.shellQuote(a));
        return sb.append(' ').toString();
    }

    /** Shell run before the module: Python's discovery when needed. */
    String select(boolean mark) {
        return discover ? Interpreter.select("", mark) : "";
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) if (b[i] == x) return i;
        return -1;
    }
}
