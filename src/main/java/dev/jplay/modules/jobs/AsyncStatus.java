package dev.jplay.modules.jobs;

import dev.jplay.connection.ConnectionException;
import dev.jplay.connection.ExecResult;
import dev.jplay.connection.ShellCommand;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.Map;

/**
 * {@code async_status}: the status of an async job from its result file ({@code ansible_async_dir}, default
 * {@code ~/.ansible_async}), or {@code mode=cleanup} to remove it. Reads files left by jplay's jobs and by Ansible's
 * async_wrapper alike. One round trip.
 */
public final class AsyncStatus implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("async_status").fqcn("ansible.builtin.async_status", "ansible.legacy.async_status")
            .doc("Obtain status of asynchronous task", "Gets the status of an asynchronous task started with async (and poll: 0): "
                    + "finished is 1 once the job is done, and the job's own result keys come with it. mode=cleanup removes the "
                    + "job's result file.")
            .param(Param.of("jid").str().required().doc("Job or task identifier (the ansible_job_id of the async task)."))
            .param(Param.of("mode").str().def("status").choices("cleanup", "status")
                    .doc("status reports the job; cleanup removes its result file."))
            .checkMode(false)
            .returns("ansible_job_id", "the job id", "success").returns("finished", "1 when the job has finished, else 0", "always")
            .returns("started", "1 when the job has started", "always").returns("results_file", "the job's result file", "mode=status")
            .returns("erased", "the path of the removed result file", "mode=cleanup")
            .returns("stdout", "the job's stdout (command jobs)", "success").returns("stderr", "the job's stderr", "success")
            .example("- ansible.builtin.async_status:\n    jid: '{{ job.ansible_job_id }}'\n  register: job_result\n"
                    + "  until: job_result.finished\n  retries: 100\n  delay: 10")
            .performance("1 round trip").build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) throws ConnectionException {
        String jid = args.str("jid");
        boolean cleanup = args.str("mode").equals("cleanup");
        String r = "\"$A\"/" + ShellCommand.quote(jid);
        String line = "A=" + Jobs.dirWord(ctx) + "; printf '%s\\n' \"$A\"; if [ -e " + r + " ]; then echo 1; "
                + (cleanup ? "rm -f " + r : "cat " + r) + "; else echo 0; fi";
        ExecResult res = ctx.sh(line);
        String out = res.out();
        int nl = out.indexOf('\n');
        if (res.rc() != 0 || nl < 0) return ModuleResult.failed("cannot read the async job " + jid + ": " + res.err().strip());
        String path = out.substring(0, nl) + "/" + jid;
        String rest = out.substring(nl + 1);
        boolean exists = rest.startsWith("1");
        Map<String, Object> status = cleanup ? JobStatus.erased(jid, path, exists)
                : JobStatus.of(jid, path, exists ? rest.substring(Math.min(2, rest.length())) : null);
        return ModuleResult.of(status);
    }
}
