package dev.jplay.modules.files;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.nio.file.Path;

/** {@code template}: render a Jinja2 file on the controller and place it like {@code copy content=...}. */
public final class Template implements Module {
    private final ModuleSpec spec = Attrs.params(ModuleSpec.builder("template")
            .doc("Template a file out to a target host",
                    "Renders a Jinja2 template from the controller (role templates/ dir, playbook dir) with the task's "
                    + "variables and writes it to the host when its sha1 differs.")
            .diff(true)
            .param(Param.of("src").path().required().doc("Template file on the controller."))
            .param(Param.of("dest").path().required().doc("Host path (a directory receives the file under src's name)."))
            .param(Param.of("force").bool().def(true).doc("Replace a different existing file."))
            .param(Param.of("backup").bool().def(false).doc("Keep a timestamped copy of the replaced file."))
            .param(Param.of("validate").str().doc("Command run on the new file before it replaces dest (%s is its path)."))
            .param(Param.of("newline_sequence").str().def("\n").choices("\n", "\r", "\r\n").doc("Line ending of the result."))
            .param(Param.of("follow").bool().def(false).doc("Follow a dest symlink."))
            .param(Param.of("output_encoding").str().def("utf-8").doc("Encoding of the result (utf-8 only)."))
            .param(Param.of("directory_mode").raw().doc("Not used by template."))
            .param(Param.of("trim_blocks").bool().def(true).doc("Jinja2 trim_blocks."))
            .param(Param.of("lstrip_blocks").bool().def(false).doc("Jinja2 lstrip_blocks."))
            .param(Param.of("block_start_string").str().doc("Jinja2 setting."))
            .param(Param.of("block_end_string").str().doc("Jinja2 setting."))
            .param(Param.of("variable_start_string").str().doc("Jinja2 setting."))
            .param(Param.of("variable_end_string").str().doc("Jinja2 setting."))
            .param(Param.of("comment_start_string").str().doc("Jinja2 setting."))
            .param(Param.of("comment_end_string").str().doc("Jinja2 setting.")))
            .returns("dest", "destination path", "success").returns("checksum", "sha1 of the file", "success")
            .returns("mode", "permissions, e.g. '0644'", "success").returns("backup_file", "the backup written", "changed and backup")
            .performance("1 round trip when nothing changed; changed files: probe, put, stat")
            .example("- ansible.builtin.template:\n    src: nginx.conf.j2\n    dest: /etc/nginx/nginx.conf\n    validate: nginx -t -c %s")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        ModuleResult invalid = Attrs.invalid(a);
        if (invalid != null) return invalid;
        String src = a.str("src");
        Path local = ctx.findFile(src, "templates");
        if (local == null) return ModuleResult.failed("Could not find or access '" + src + "'");
        java.util.Map<String, Object> jinja = new java.util.LinkedHashMap<>();
        for (String k : java.util.List.of("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                "comment_start_string", "comment_end_string")) {
            if (a.str(k) != null) jinja.put(k, a.str(k));
        }
        if (!a.bool("trim_blocks")) jinja.put("trim_blocks", false);
        if (a.bool("lstrip_blocks")) jinja.put("lstrip_blocks", true);
        String text;
        try {
            text = ctx.renderTemplate(local, jinja);
        } catch (dev.jplay.template.TemplateException e) {
            // Ansible's template action reports any failure as "ExceptionClass: message"
            return ModuleResult.failed(e.pythonClass() + ": " + e.getMessage());
        }
        String nl = a.str("newline_sequence");
        if (!"\n".equals(nl)) text = text.replace("\n", nl);
        ContentCopy.Source source = new ContentCopy.Source(Texts.bytes(text), local.toString(), local.getFileName().toString(), null);
        return ContentCopy.run(ctx, a, source, a.str("dest"));
    }
}
