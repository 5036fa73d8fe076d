package dev.jplay.modules.system;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecRequest;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.data.Json;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code uri}: makes an HTTP request from the host with curl (configured through stdin) and returns Ansible's keys:
 * {@code status}, {@code url}, {@code msg}, the response headers (lower case, {@code _} for {@code -}),
 * {@code json} for JSON responses and {@code content} when asked. One round trip.
 */
public final class Uri implements Module {
    private final ModuleSpec spec = ModuleSpec.builder("uri").fqcn("ansible.builtin.uri")
            .doc("Interacts with webservices", "Makes HTTP(S) requests from the host (with curl) and checks the status code.")
            .param(Param.of("url").str().required()).param(Param.of("method").str().def("GET"))
            .param(Param.of("body").raw()).param(Param.of("body_format").str().def("raw").choices("form-urlencoded", "json", "raw"))
            .param(Param.of("headers").dict()).param(Param.of("status_code").list(ParamType.INT).def(List.of(200L)))
            .param(Param.of("return_content").bool().def(false)).param(Param.of("validate_certs").bool().def(true))
            .param(Param.of("timeout").integer().def(30L)).param(Param.of("dest").path())
            .param(Param.of("creates").path()).param(Param.of("removes").path())
            .param(Param.of("follow_redirects").str().def("safe").choices("all", "no", "none", "safe", "urllib2", "yes"))
            .param(Param.of("url_username").str().aliases("user")).param(Param.of("url_password").str().noLog().aliases("password"))
            .param(Param.of("force_basic_auth").bool().def(false)).param(Param.of("client_cert").path()).param(Param.of("client_key").path())
            .param(Param.of("ca_path").path())
            .returns("status", "HTTP status", "always").returns("url", "final URL", "always").returns("json", "parsed JSON body", "JSON responses")
            .returns("content", "the body", "return_content").returns("redirected", "whether redirected", "always")
            .performance("1 round trip (curl runs on the host)")
            .example("- ansible.builtin.uri:\n    url: http://localhost:8080/health\n    return_content: true\n  register: health")
            .build();

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        if (!a.str("method").matches("[A-Za-z]+")) {
            return ModuleResult.failed("Parameter 'method' needs to be a single word in uppercase, like GET or POST.");
        }
        StringBuilder cmd = new StringBuilder();
        if (a.has("creates")) cmd.append("if [ -e ").append(ShellCommand.quote(a.str("creates"))).append(" ]; then echo __JPLAY_SKIP__c; exit 0; fi; ");
        if (a.has("removes")) cmd.append("if [ ! -e ").append(ShellCommand.quote(a.str("removes"))).append(" ]; then echo __JPLAY_SKIP__r; exit 0; fi; ");
        cmd.append("curl -K -");
        Instant start = Instant.now();
        ExecResult r = ctx.exec(ExecRequest.of(cmd.toString()).withStdin(CurlConfig.build(a).getBytes(StandardCharsets.UTF_8)));
        long elapsed = Duration.between(start, Instant.now()).toSeconds();
        if (r.out().startsWith("__JPLAY_SKIP__")) {
            boolean c = r.out().startsWith("__JPLAY_SKIP__c");
            return ModuleResult.ok().put("stdout", "skipped, since '" + a.str(c ? "creates" : "removes") + "' " + (c ? "exists" : "does not exist"));
        }
        HttpResponse resp = HttpResponse.parse(r.out(), r.rc() == 0 ? null : r.err().strip());
        List<Long> codes = new ArrayList<>();
        for (Object o : a.list("status_code")) codes.add(((Number) o).longValue());
        ModuleResult res = ModuleResult.ok().put("redirected", !resp.url(a.str("url")).equals(a.str("url")))
                .put("url", resp.url(a.str("url"))).put("status", (long) resp.status()).put("msg", resp.msg());
        resp.headers().forEach((k, v) -> res.put(k.replace('-', '_').toLowerCase(Locale.ROOT), v));
        res.put("cookies_string", "").put("cookies", java.util.Map.of()).put("elapsed", elapsed);
        boolean ok = codes.contains((long) resp.status());
        if (a.has("dest")) res.put("path", a.str("dest")).setChanged(ok && resp.status() != 304);
        if (resp.isJson()) {
            try {
                res.put("json", Json.parse(resp.body()));
            } catch (RuntimeException e) {
                // not JSON after all: Ansible leaves json out
            }
        }
        if (a.bool("return_content")) res.put("content", resp.body());
        if (!ok) res.fail("Status code was " + resp.status() + " and not " + codes + ": " + resp.msg());
        return res;
    }
}
