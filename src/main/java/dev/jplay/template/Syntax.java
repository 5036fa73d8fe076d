package dev.jplay.template;

import java.util.Map;

/**
 * How template text is read: the delimiters, the whitespace options and whether backslashes in string literals
 * inside {@code {{ }}} are kept as written. Ansible templates playbook strings with {@link #STRING} (its
 * {@code escape_backslashes}: {@code '\n'} inside {@code {{ }}} stays a backslash and an n) and {@code .j2} files with
 * {@link #FILE}; both set {@code trim_blocks}. A first line {@code #jinja2: trim_blocks: False, ...} overrides these
 * for one template, as in Ansible.
 *
 * @param keepTrailingNewline Jinja2's option: when false, a single newline ending the text is dropped (Ansible puts
 *                            back the newlines a top-level template ended with; included ones stay trimmed)
 */
record Syntax(String blockStart, String blockEnd, String varStart, String varEnd, String commentStart, String commentEnd,
              boolean trimBlocks, boolean lstripBlocks, boolean keepTrailingNewline, String newline, boolean escapeBackslashes) {
    /** Playbook strings: task arguments, variables, conditions. */
    static final Syntax STRING = new Syntax("{%", "%}", "{{", "}}", "{#", "#}", true, false, false, "\n", true);
    /** Template files ({@code template} module, {@code template} lookup, includes). */
    static final Syntax FILE = STRING.withEscapeBackslashes(false);

    static final String HEADER = "#jinja2:";

    Syntax withEscapeBackslashes(boolean on) {
        return new Syntax(blockStart, blockEnd, varStart, varEnd, commentStart, commentEnd, trimBlocks, lstripBlocks,
                keepTrailingNewline, newline, on);
    }

    /**
     * This syntax with the options a {@code #jinja2:} header or a module's arguments name
     * ({@code trim_blocks}, {@code lstrip_blocks}, {@code variable_start_string}, ...). Unknown names fail.
     */
    Syntax with(Map<String, Object> options) {
        String bs = blockStart;
        String be = blockEnd;
        String vs = varStart;
        String ve = varEnd;
        String cs = commentStart;
        String ce = commentEnd;
        boolean trim = trimBlocks;
        boolean lstrip = lstripBlocks;
        boolean keep = keepTrailingNewline;
        String nl = newline;
        for (var e : options.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "block_start_string" -> bs = PyOps.str(v);
                case "block_end_string" -> be = PyOps.str(v);
                case "variable_start_string" -> vs = PyOps.str(v);
                case "variable_end_string" -> ve = PyOps.str(v);
                case "comment_start_string" -> cs = PyOps.str(v);
                case "comment_end_string" -> ce = PyOps.str(v);
                case "trim_blocks" -> trim = PyOps.truthy(v);
                case "lstrip_blocks" -> lstrip = PyOps.truthy(v);
                case "keep_trailing_newline" -> keep = PyOps.truthy(v);
                case "newline_sequence" -> nl = PyOps.str(v);
                default -> throw new EvalError("'" + e.getKey() + "' is not a Jinja2 environment option jplay knows");
            }
        }
        return new Syntax(bs, be, vs, ve, cs, ce, trim, lstrip, keep, nl, escapeBackslashes);
    }

    /** A template's own syntax from its {@code #jinja2:} first line, and where the text after that line starts. */
    record Header(Syntax syntax, int bodyStart) {}

    /** The {@code #jinja2:} header of {@code text}, or null when it has none. */
    Header header(String text) {
        if (!text.startsWith(HEADER)) return null;
        int eol = text.indexOf('\n');
        String line = eol < 0 ? text.substring(HEADER.length()) : text.substring(HEADER.length(), eol);
        Map<String, Object> options = new java.util.LinkedHashMap<>();
        for (String pair : line.split(",")) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new EvalError("failed to parse jinja2 override '" + pair.strip()
                        + "'. Did you use something different from colon as key-value separator?");
            }
            Object v = PyLiteral.eval(pair.substring(colon + 1).strip());
            if (v == PyLiteral.NOT_LITERAL) throw new EvalError("malformed jinja2 override value in '" + pair.strip() + "'");
            options.put(pair.substring(0, colon).strip(), v);
        }
        return new Header(with(options), eol < 0 ? text.length() : eol + 1);
    }
}
