package dev.jplay.exec;

import dev.jplay.data.Py;
import dev.jplay.data.Unsafe;
import dev.jplay.output.Event;
import dev.jplay.output.Output;
import dev.jplay.playbook.Play;
import dev.jplay.playbook.VarsPrompt;
import dev.jplay.template.Templar;
import dev.jplay.vars.PlayVars;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks a play's {@code vars_prompt} questions once, before the play, as Ansible's {@code do_var_prompt}: extra vars
 * of the same name win; prompt and default are templated with the play's variables; without a terminal nothing is
 * asked (a warning) and the default is taken (Python's {@code None} printed when there is none); {@code confirm}
 * asks again until both answers match; {@code encrypt} hashes the answer as {@code password_hash} does;
 * {@code unsafe} keeps it from being templated.
 */
final class Prompts {
    private Prompts() {}

    static Map<String, Object> ask(Play play, Prompter prompter, Templar templar, PlayVars pv, Output output) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (VarsPrompt p : play.varsPrompt()) {
            if (pv.run().extraVars().containsKey(p.name())) continue;
            String def = p.defaultValue() == null ? null : Py.str(templar.template(p.defaultValue(), pv.playScope().context()));
            String answer = null;
            if (prompter.interactive()) {
                String msg = p.prompt() == null ? "input for " + p.name() + ": "
                        : Py.str(templar.template(p.prompt(), pv.playScope().context())) + (def != null ? " [" + def + "]" : "") + ": ";
                answer = prompter.ask(msg, !p.isPrivate());
                while (p.confirm() && answer != null && !answer.equals(prompter.ask("confirm " + msg, !p.isPrivate()))) {
                    output.on(new Event.Text("***** VALUES ENTERED DO NOT MATCH ****"));
                    answer = prompter.ask(msg, !p.isPrivate());
                }
            } else {
                output.on(new Event.Warning("Not prompting as we are not in interactive mode"));
            }
            Object value = (answer == null || answer.isEmpty()) && def != null ? def : answer == null ? "None" : answer;
            if (p.encrypt() != null) value = encrypt(value, p, templar, pv);
            out.put(p.name(), p.unsafe() ? new Unsafe(Py.str(value)) : value);
        }
        return out;
    }

    private static Object encrypt(Object answer, VarsPrompt p, Templar templar, PlayVars pv) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("answer", answer);
        vars.put("hash", p.encrypt());
        vars.put("salt", p.salt());
        vars.put("salt_size", p.saltSize());
        return templar.evaluate("answer | password_hash(hash, salt, salt_size=salt_size)", pv.playScope().with(vars).context());
    }
}
